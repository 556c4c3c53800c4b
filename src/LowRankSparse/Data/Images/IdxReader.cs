using System.IO.Compression;

namespace LowRankSparse.Data.Images;

/// <summary>
/// Reads the IDX files of MNIST-style datasets (Yann LeCun's format), gzip-compressed or plain: a big-endian header with the magic
/// number (2051 = unsigned-byte images [N, rows, cols], 2049 = unsigned-byte labels [N]) and the sizes, then the bytes. Every
/// defect (wrong magic, truncated header or body, trailing bytes, not gzip) is a <see cref="DataFileException"/> naming the file.
/// </summary>
public static class IdxReader
{
    public const int ImagesMagic = 2051, LabelsMagic = 2049;

    /// <summary>Images as bytes, row-major [count, rows, cols].</summary>
    public sealed record Images(int Count, int Rows, int Cols, byte[] Pixels);

    public static Images ReadImages(string path)
    {
        var bytes = ReadAll(path);
        var header = Header(bytes, path, ImagesMagic, "images", 3);
        var (count, rows, cols) = (header[0], header[1], header[2]);
        if (rows <= 0 || cols <= 0) throw new DataFileException($"{path}: image size {rows} × {cols} in the header is not positive");
        Body(bytes, path, 16, (long)count * rows * cols);
        return new Images(count, rows, cols, bytes[16..]);
    }

    public static byte[] ReadLabels(string path)
    {
        var bytes = ReadAll(path);
        int count = Header(bytes, path, LabelsMagic, "labels", 1)[0];
        Body(bytes, path, 8, count);
        return bytes[8..];
    }

    private static byte[] ReadAll(string path)
    {
        if (!File.Exists(path)) throw new DataFileException($"{path} does not exist");
        try
        {
            using var file = File.OpenRead(path);
            bool gzip = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
            file.Position = 0;
            using Stream input = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var memory = new MemoryStream();
            input.CopyTo(memory);
            return memory.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException($"{path} is not a valid gzip file ({e.Message}); the download may be truncated or corrupt");
        }
        catch (IOException e)
        {
            throw new DataFileException($"{path} could not be read: {e.Message}");
        }
    }

    private static int[] Header(byte[] bytes, string path, int magic, string kind, int dims)
    {
        int headerBytes = 4 + 4 * dims;
        if (bytes.Length < headerBytes)
            throw new DataFileException($"{path} is truncated: {bytes.Length} bytes, shorter than the {headerBytes}-byte IDX {kind} header");
        int found = BigEndian(bytes, 0);
        if (found != magic)
            throw new DataFileException($"{path} is not an IDX {kind} file: magic number {found}, expected {magic}");
        var sizes = new int[dims];
        for (int i = 0; i < dims; i++) sizes[i] = BigEndian(bytes, 4 + 4 * i);
        if (sizes[0] < 0) throw new DataFileException($"{path}: item count {sizes[0]} in the header is negative");
        return sizes;
    }

    private static void Body(byte[] bytes, string path, int headerBytes, long expected)
    {
        long actual = bytes.Length - headerBytes;
        if (actual < expected)
            throw new DataFileException($"{path} is truncated: the header promises {expected} data bytes, the file has {actual}");
        if (actual > expected)
            throw new DataFileException($"{path} has {actual - expected} bytes after the {expected} the header promises: not a valid IDX file");
    }

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
