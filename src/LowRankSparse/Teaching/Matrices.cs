using LowRankSparse.Analysis;
using LowRankSparse.Model;

namespace LowRankSparse.Teaching;

/// <summary>The few matrix operations the "by hand" cells use, from <see cref="Util.Matrices"/> and <see cref="UpdateAnalysis"/>.</summary>
public static class Matrices
{
    /// <summary>A − B (e.g. ΔW = W(T) − W(0)).</summary>
    public static double[,] Subtract(double[,] a, double[,] b) => Util.Matrices.Subtract(a, b);

    /// <summary>Row i of <paramref name="a"/> (e.g. neuron i of W_O).</summary>
    public static double[] Row(double[,] a, int i) => Util.Matrices.Row(a, i);

    /// <summary>W·v (e.g. ΔW μ_j or W_V μ_c).</summary>
    public static double[] Times(double[,] w, double[] v) => UpdateAnalysis.Apply(w, v);

    /// <summary>‖A‖_F² = Σ a_ij².</summary>
    public static double FrobeniusSquared(double[,] a) => Util.Matrices.FrobeniusSquared(a);

    /// <summary>max |a − b| per weight matrix (W_Q, W_K, W_V, W_O).</summary>
    public static IReadOnlyDictionary<string, double> DifferencePerWeight(Weights a, Weights b) =>
        WeightDifference.PerWeight(a, b).ToDictionary(p => p.Key.Name(), p => p.Value);

    /// <summary>max |a − b| over all weight matrices.</summary>
    public static double MaxDifference(Weights a, Weights b) => WeightDifference.Max(a, b);
}
