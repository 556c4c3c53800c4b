using LowRankSparse.Model;

namespace LowRankSparse.Teaching;

/// <summary>
/// Pruning as the paper states it: remove a fraction R of the neurons (rows of W_O), outputs not rescaled. Delegates to
/// <see cref="Pruning.Prune"/>, which also prunes single weights and keeps the mask.
/// </summary>
public static class Prune
{
    /// <summary>The weights with round(R·m) rows of W_O set to zero, chosen by <paramref name="method"/>.</summary>
    public static Weights Neurons(Weights weights, double rate, Method method, int seed = 0) =>
        Pruning.Prune.Structured(weights, Weight.O, rate, (Pruning.PruneMethod)method, seed).Effective;

    /// <summary>How many of <paramref name="n"/> units a rate R removes: round(R·n).</summary>
    public static int Count(double rate, int n) => Pruning.Prune.Count(rate, n);
}
