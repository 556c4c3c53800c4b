using MathNet.Numerics.LinearAlgebra;

namespace LowRankSparse.Analysis;

/// <summary>
/// The singular values of a matrix (descending) and the rank measures of docs/paper-notes.md §4.1:
/// top-k energy fractions Σ_{i≤k} σ_i² / Σ σ_i², the rank at 99 % energy, the stable rank ‖W‖_F²/‖W‖_2² (as in WeightWatcher),
/// and the gap rank (the number of singular values before the largest ratio σ_i/σ_{i+1} in the leading half of the spectrum).
/// </summary>
public sealed record Spectrum(double[] SingularValues)
{
    public const double DefaultEnergy = 0.99;

    public static Spectrum Of(double[,] matrix)
    {
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var s = m.Svd(computeVectors: false).S.ToArray();
        Array.Sort(s, (a, b) => b.CompareTo(a));
        return new Spectrum(s);
    }

    public double TotalEnergy => SingularValues.Sum(s => s * s);

    /// <summary>Cumulative energy fractions: element k−1 is the share of the top-k singular values (non-decreasing, last = 1).</summary>
    public double[] EnergyFractions()
    {
        double total = TotalEnergy;
        var f = new double[SingularValues.Length];
        double acc = 0;
        for (int i = 0; i < f.Length; i++)
        {
            acc += SingularValues[i] * SingularValues[i];
            f[i] = total > 0 ? Math.Min(1.0, acc / total) : 1.0;
        }
        return f;
    }

    public double TopKEnergy(int k) => k <= 0 ? 0 : EnergyFractions()[Math.Min(k, SingularValues.Length) - 1];

    /// <summary>Smallest r whose top-r energy reaches <paramref name="energy"/> (0 for a zero matrix).</summary>
    public int RankAtEnergy(double energy = DefaultEnergy)
    {
        if (TotalEnergy == 0) return 0;
        var f = EnergyFractions();
        for (int i = 0; i < f.Length; i++)
            if (f[i] >= energy - 1e-12) return i + 1;
        return f.Length;
    }

    /// <summary>Hard rank with numpy's default tolerance: #σ_i &gt; σ_max · max(rows, cols) · ε (as WeightWatcher).</summary>
    public int HardRank(int maxDimension) =>
        SingularValues.Length == 0 ? 0 : SingularValues.Count(s => s > SingularValues[0] * maxDimension * MachineEpsilon);

    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>‖W‖_F² / ‖W‖_2² (0 for a zero matrix); always ≤ the rank.</summary>
    public double StableRank => SingularValues.Length == 0 || SingularValues[0] == 0 ? 0 : TotalEnergy / (SingularValues[0] * SingularValues[0]);

    /// <summary>
    /// Number of singular values before the largest gap σ_i/σ_{i+1}, searched among i ≤ ⌈<paramref name="searchLimit"/>/2⌉
    /// (docs/paper-notes.md §4.1: directions outside the pattern span make a steep tail whose ratio can exceed the real gap).
    /// </summary>
    public int GapRank(int searchLimit)
    {
        int n = SingularValues.Length;
        if (n == 0 || SingularValues[0] == 0) return 0;
        int last = Math.Min(n - 1, (int)Math.Ceiling(Math.Min(searchLimit, n) / 2.0));
        int best = 1;
        double bestRatio = 0;
        double floor = SingularValues[0] * 1e-12;
        for (int i = 1; i <= last; i++)
        {
            double ratio = SingularValues[i - 1] / Math.Max(SingularValues[i], floor);
            if (ratio > bestRatio)
            {
                bestRatio = ratio;
                best = i;
            }
        }
        return n == 1 ? 1 : best;
    }
}
