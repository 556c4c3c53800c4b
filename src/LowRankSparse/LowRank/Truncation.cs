using LowRankSparse.Model;
using MathNet.Numerics.LinearAlgebra;

namespace LowRankSparse.LowRank;

/// <summary>
/// Best rank-r approximation of an update (Eckart–Young: keep the top r singular triplets), and a model whose
/// W_Q, W_K, W_V are W^(0) + rank-r(ΔW) — the LoRA-style corollary of docs/paper-notes.md §4.4. W_O keeps its trained value.
/// </summary>
public static class Truncation
{
    public static readonly IReadOnlyList<Weight> AttentionWeights = WeightNames.Attention;

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

    /// <summary>The attention part (issue #23): W_Q and W_K, truncated apart from W_V.</summary>
    public static readonly IReadOnlyList<Weight> QueryKey = new[] { Weight.Q, Weight.K };

    /// <summary>The value part: W_V alone.</summary>
    public static readonly IReadOnlyList<Weight> Value = new[] { Weight.V };

    /// <summary>
    /// A rank-r update that keeps no particular directions: ΔW projected on a random r-dimensional subspace of its input space
    /// (ΔW·P with P = QQᵀ, Q the orthonormal basis of a seeded Gaussian d×r matrix). The control of the truncation claim: the theory
    /// says the update's energy sits on the K label-relevant directions, so a random rank-K projection should lose it.
    /// </summary>
    public static double[,] RandomRank(double[,] matrix, int r, int seed)
    {
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var rng = new Util.SeededRandom(seed);
        var g = Matrix<double>.Build.Dense(m.ColumnCount, Math.Min(r, m.ColumnCount), (_, _) => rng.NextGaussian());
        var q = g.QR().Q.SubMatrix(0, m.ColumnCount, 0, g.ColumnCount);
        return (m * q * q.Transpose()).ToArray();
    }

    /// <summary>W^(0) + a random rank-r projection of ΔW (<see cref="RandomRank"/>) for each of <paramref name="targets"/>; other weights as trained.</summary>
    public static Weights ApplyRandom(Weights initial, Weights final, int r, IReadOnlyList<Weight> targets, int seed) =>
        Replace(initial, final, targets, delta => RandomRank(delta, r, seed));

    /// <summary>W^(0) + rank-r(W^(T) − W^(0)) for each of <paramref name="targets"/>; other weights as trained.</summary>
    public static Weights Apply(Weights initial, Weights final, int r, IReadOnlyList<Weight>? targets = null) =>
        Replace(initial, final, targets ?? AttentionWeights, delta => BestRank(delta, r));

    private static Weights Replace(Weights initial, Weights final, IReadOnlyList<Weight> targets, Func<double[,], double[,]> update)
    {
        var result = final;
        var delta = final.Minus(initial);
        foreach (var target in targets)
        {
            var low = update(delta[target]);
            var w0 = initial[target];
            var w = new double[low.GetLength(0), low.GetLength(1)];
            for (int i = 0; i < w.GetLength(0); i++)
                for (int j = 0; j < w.GetLength(1); j++) w[i, j] = w0[i, j] + low[i, j];
            result = result.With(target, w);
        }
        return result;
    }
}
