using System.Buffers.Binary;
using System.Text;

namespace LowRankSparse.Export;

/// <summary>
/// A PNG's resolution as its <c>pHYs</c> chunk (pixels per metre, unit = metre), which plotly.js's image export leaves out: without
/// it LaTeX, Word and image viewers read a 300 dpi figure as 72 or 96 dpi and print it three to four times too large.
/// </summary>
public static class PngDensity
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>The PNG with a pHYs chunk of <paramref name="dpi"/> right after IHDR (an existing pHYs is replaced).</summary>
    public static byte[] WithDpi(byte[] png, double dpi)
    {
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature) || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
            throw new ArgumentException("not a PNG (no signature and IHDR chunk)", nameof(png));
        uint perMetre = (uint)Math.Round(dpi / 0.0254);
        var data = new byte[9];
        BinaryPrimitives.WriteUInt32BigEndian(data, perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), perMetre);
        data[8] = 1;                                                         // unit: metre
        using var output = new MemoryStream(png.Length + 21);
        output.Write(png, 0, 33);                                            // signature + IHDR (13 bytes of data)
        WriteChunk(output, "pHYs", data);
        for (int at = 33; at < png.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            int size = 12 + length;
            if (Encoding.ASCII.GetString(png, at + 4, 4) != "pHYs") output.Write(png, at, size);
            at += size;
        }
        return output.ToArray();
    }

    /// <summary>The resolution a PNG declares in dots per inch (x), or null without a pHYs chunk in metres.</summary>
    public static double? Dpi(byte[] png)
    {
        for (int at = 8; at + 12 <= png.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (Encoding.ASCII.GetString(png, at + 4, 4) == "pHYs" && png[at + 16] == 1)
                return BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8)) * 0.0254;
            at += 12 + length;
        }
        return null;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        output.Write(header);
        output.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(header.AsSpan(4), data));
        output.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309) over the chunk type and data.</summary>
    internal static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var span in new[] { type.ToArray(), data.ToArray() })
            foreach (byte b in span)
            {
                crc ^= b;
                for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        return ~crc;
    }
}
