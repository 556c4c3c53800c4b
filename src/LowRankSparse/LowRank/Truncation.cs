using LowRankSparse.Model;
using MathNet.Numerics.LinearAlgebra;

namespace LowRankSparse.LowRank;

/// <summary>
/// Best rank-r approximation of an update (Eckart–Young: keep the top r singular triplets), and a model whose
/// W_Q, W_K, W_V are W^(0) + rank-r(ΔW) — the LoRA-style corollary of docs/paper-notes.md §4.4. W_O keeps its trained value.
/// </summary>
public static class Truncation
{
    public static readonly string[] AttentionWeights = { "W_Q", "W_K", "W_V" };

    public static double[,] BestRank(double[,] matrix, int r)
    {
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var svd = m.Svd(computeVectors: true);
        int keep = Math.Min(r, svd.S.Count);
        var result = Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount);
        for (int i = 0; i < keep; i++)
            result += svd.S[i] * svd.U.Column(i).OuterProduct(svd.VT.Row(i));
        return result.ToArray();
    }

    /// <summary>W^(0) + rank-r(W^(T) − W^(0)) for each of <paramref name="names"/>; other weights as trained.</summary>
    public static Weights Apply(Weights initial, Weights final, int r, IReadOnlyList<string>? names = null)
    {
        var result = final;
        var delta = final.Minus(initial);
        foreach (var name in names ?? AttentionWeights)
        {
            var low = BestRank(delta[name], r);
            var w0 = initial[name];
            var w = new double[low.GetLength(0), low.GetLength(1)];
            for (int i = 0; i < w.GetLength(0); i++)
                for (int j = 0; j < w.GetLength(1); j++) w[i, j] = w0[i, j] + low[i, j];
            result = result.With(name, w);
        }
        return result;
    }
}
