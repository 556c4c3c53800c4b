using System.IO.Compression;

namespace LowRankSparse.Tests.RealData;

/// <summary>Writes small IDX files (gzip or plain) for the reader's tests, correct or deliberately broken.</summary>
public static class IdxFiles
{
    public static byte[] Images(int count, int rows, int cols, Func<int, int, int, byte> pixel, int magic = 2051)
    {
        var bytes = new List<byte>();
        foreach (int v in new[] { magic, count, rows, cols }) bytes.AddRange(BigEndian(v));
        for (int i = 0; i < count; i++)
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < cols; c++) bytes.Add(pixel(i, r, c));
        return bytes.ToArray();
    }

    public static byte[] Labels(byte[] labels, int magic = 2049) => BigEndian(magic).Concat(BigEndian(labels.Length)).Concat(labels).ToArray();

    public static string Write(string dir, string name, byte[] content, bool gzip = true)
    {
        string path = Path.Combine(dir, name);
        if (!gzip)
        {
            File.WriteAllBytes(path, content);
            return path;
        }
        using var file = File.Create(path);
        using var z = new GZipStream(file, CompressionLevel.Fastest);
        z.Write(content);
        return path;
    }

    private static byte[] BigEndian(int v) => new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v };
}
