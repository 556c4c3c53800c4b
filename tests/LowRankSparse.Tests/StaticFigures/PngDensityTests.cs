using LowRankSparse.Export;

namespace LowRankSparse.Tests.StaticFigures;

/// <summary>Issue #25: the exported PNGs carry their 300 dpi (pHYs chunk), which plotly.js's export leaves out.</summary>
public class PngDensityTests
{
    // a 1 × 1 grey PNG as plotly.js writes them: signature, IHDR, IDAT, IEND, no pHYs
    private static readonly byte[] Plain = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    [Fact]
    public void A_png_gets_a_pHYs_chunk_with_a_valid_crc_after_IHDR_and_keeps_its_other_chunks()
    {
        Assert.Null(PngDensity.Dpi(Plain));
        var png = PngDensity.WithDpi(Plain, 300);
        Assert.Equal(300, PngDensity.Dpi(png)!.Value, 0.01);
        Assert.Equal(Plain.Length + 21, png.Length);
        Assert.Equal("pHYs", System.Text.Encoding.ASCII.GetString(png, 33 + 4, 4));
        Assert.Equal(11811u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(33 + 8)));   // 300 dpi in pixels per metre
        uint crc = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(33 + 8 + 9));
        Assert.Equal(0x78A53F76u, crc);                                        // CRC-32 of "pHYs" + 00002e23 00002e23 01, as libpng computes it
        Assert.Equal(Plain[33..], png[(33 + 21)..]);                              // IDAT and IEND unchanged
        Assert.Equal(png, PngDensity.WithDpi(png, 300));                          // replacing an existing pHYs: the same file
    }

    [Fact]
    public void Anything_but_a_png_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PngDensity.WithDpi(new byte[40], 300));
    }
}
