using LowRankSparse.LowRank;

namespace LowRankSparse.Teaching;

/// <summary>
/// The singular values of a weight update and its best rank-r approximation, for notebooks. The record the methods return is
/// <see cref="Analysis.Spectrum"/> (the analysis the report uses); this static class only gives it the paper's verbs.
/// </summary>
public static class Spectrum
{
    /// <summary>σ_1 ≥ σ_2 ≥ … of <paramref name="matrix"/> with the rank measures (top-k energy, stable rank, …).</summary>
    public static Analysis.Spectrum Of(double[,] matrix) => Analysis.Spectrum.Of(matrix);

    /// <summary>[M]_r: the top r singular triplets of <paramref name="matrix"/> (Eckart–Young).</summary>
    public static double[,] BestRank(double[,] matrix, int r) => Truncation.BestRank(matrix, r);
}
