using TorchSharp;
using static TorchSharp.torch;

namespace LowRankSparse.Util;

/// <summary>Conversions between TorchSharp tensors and host float64 matrices (row-major double[,]).</summary>
public static class Matrices
{
    public static double[,] ToHost(Tensor t)
    {
        if (t.dim() != 2) throw new ArgumentException($"expected a 2-D tensor, got shape [{string.Join(", ", t.shape)}]");
        int rows = (int)t.shape[0], cols = (int)t.shape[1];
        using var scope = NewDisposeScope();
        double[] flat = t.detach().to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var m = new double[rows, cols];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(double));
        return m;
    }

    public static Tensor ToTensor(double[,] m, ScalarType dtype = ScalarType.Float32)
    {
        int rows = m.GetLength(0), cols = m.GetLength(1);
        var flat = new double[rows * cols];
        Buffer.BlockCopy(m, 0, flat, 0, flat.Length * sizeof(double));
        using var scope = NewDisposeScope();
        return tensor(flat, new long[] { rows, cols }).to(dtype).MoveToOuterDisposeScope();
    }

    public static double[,] Subtract(double[,] a, double[,] b)
    {
        int r = a.GetLength(0), c = a.GetLength(1);
        var d = new double[r, c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++)
                d[i, j] = a[i, j] - b[i, j];
        return d;
    }

    public static double FrobeniusSquared(double[,] a)
    {
        double s = 0;
        foreach (double v in a) s += v * v;
        return s;
    }

    public static double[] Row(double[,] a, int i)
    {
        var r = new double[a.GetLength(1)];
        for (int j = 0; j < r.Length; j++) r[j] = a[i, j];
        return r;
    }
}
