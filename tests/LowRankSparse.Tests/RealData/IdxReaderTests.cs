using LowRankSparse.Data.Images;

namespace LowRankSparse.Tests.RealData;

public class IdxReaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_images_and_labels_back_byte_for_byte(bool gzip)
    {
        string dir = TestPaths.NewTempDir("idx");
        var images = IdxReader.ReadImages(IdxFiles.Write(dir, "img", IdxFiles.Images(3, 2, 5, (i, r, c) => (byte)(i * 10 + r * 5 + c)), gzip));
        var labels = IdxReader.ReadLabels(IdxFiles.Write(dir, "lab", IdxFiles.Labels(new byte[] { 7, 0, 9 }), gzip));
        Assert.Equal((3, 2, 5), (images.Count, images.Rows, images.Cols));
        Assert.Equal(Enumerable.Range(0, 30).Select(v => (byte)v), images.Pixels);
        Assert.Equal(new byte[] { 7, 0, 9 }, labels);
    }

    public static TheoryData<string, byte[], bool, string> Broken() => new()
    {
        { "wrong-magic", IdxFiles.Images(1, 2, 2, (_, _, _) => 1, magic: 2049), true, "magic number 2049, expected 2051" },
        { "short-header", new byte[] { 0, 0, 8, 3, 0 }, true, "shorter than the 16-byte IDX images header" },
        { "truncated-body", IdxFiles.Images(4, 3, 3, (_, _, _) => 1)[..30], true, "is truncated: the header promises 36 data bytes, the file has 14" },
        { "trailing", IdxFiles.Images(1, 2, 2, (_, _, _) => 1).Concat(new byte[] { 9, 9 }).ToArray(), false, "has 2 bytes after the 4" },
        { "bad-gzip", new byte[] { 0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7 }, false, "is not a valid gzip file" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_file_is_named_with_what_is_wrong(string name, byte[] content, bool gzip, string message)
    {
        string path = IdxFiles.Write(TestPaths.NewTempDir("idx"), name, content, gzip);
        var e = Assert.Throws<DataFileException>(() => IdxReader.ReadImages(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_folder_says_how_to_install_the_dataset()
    {
        var e = Assert.Throws<DataFileException>(() => FashionMnist.Load("/no/such/fashion-mnist", test: false));
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void Patches_are_cut_row_by_row_with_optional_positions()
    {
        var pixels = Enumerable.Range(0, 16).Select(v => (float)v).ToArray();     // a 4 × 4 image, value = row·4 + col
        var tokens = new float[4 * 6];
        PatchTokens.Write(pixels, 4, 2, position: true, tokens, 0);
        Assert.Equal(new float[] { 0, 1, 4, 5, -1, -1 }, tokens[..6]);             // top-left patch at (row −1, col −1)
        Assert.Equal(new float[] { 10, 11, 14, 15, 1, 1 }, tokens[18..]);           // bottom-right patch at (1, 1)
    }
}
