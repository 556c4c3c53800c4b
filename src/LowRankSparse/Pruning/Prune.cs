using LowRankSparse.Model;
using LowRankSparse.Util;

namespace LowRankSparse.Pruning;

/// <summary>
/// Pruning functions named after <c>torch.nn.utils.prune</c>. <c>amount</c> is a fraction in [0, 1]; the number of units
/// removed is round(amount · n) (as in PyTorch). Structured pruning removes whole rows (for W_O: whole neurons).
/// Nothing is rescaled after pruning (docs/paper-notes.md §4.3).
/// </summary>
public static class Prune
{
    /// <summary>Removes the rows of <paramref name="weight"/> chosen by <paramref name="method"/> (L2 norm for magnitude).</summary>
    public static PrunedWeights Structured(Weights weights, Weight weight, double amount, PruneMethod method, int seed = 0)
    {
        var w = weights[weight];
        int rows = w.GetLength(0), cols = w.GetLength(1);
        var norms = Enumerable.Range(0, rows).Select(i => Math.Sqrt(Enumerable.Range(0, cols).Sum(j => w[i, j] * w[i, j]))).ToArray();
        var removed = Choose(norms, amount, method, seed, $"structured:{weight.Name()}");
        var mask = Ones(rows, cols);
        foreach (int i in removed)
            for (int j = 0; j < cols; j++) mask[i, j] = 0;
        return new PrunedWeights(weights, new Dictionary<Weight, double[,]> { [weight] = mask });
    }

    /// <summary>Removes single entries of <paramref name="weight"/> (|w| for magnitude, i.e. L1 unstructured).</summary>
    public static PrunedWeights Unstructured(Weights weights, Weight weight, double amount, PruneMethod method, int seed = 0) =>
        Global(weights, new[] { weight }, amount, method, seed);

    /// <summary>
    /// Global unstructured pruning (like <c>prune.global_unstructured</c>): ranks the entries of all <paramref name="targets"/>
    /// together and removes round(amount · total) of them.
    /// </summary>
    public static PrunedWeights Global(Weights weights, IReadOnlyList<Weight> targets, double amount, PruneMethod method, int seed = 0)
    {
        var scores = new List<double>();
        foreach (var target in targets) scores.AddRange(weights[target].Cast<double>().Select(Math.Abs));
        var removed = new HashSet<int>(Choose(scores.ToArray(), amount, method, seed, "global:" + string.Join(",", targets.Select(t => t.Name()))));
        var masks = new Dictionary<Weight, double[,]>();
        int offset = 0;
        foreach (var target in targets)
        {
            var w = weights[target];
            int rows = w.GetLength(0), cols = w.GetLength(1);
            var mask = Ones(rows, cols);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    if (removed.Contains(offset + i * cols + j)) mask[i, j] = 0;
            masks[target] = mask;
            offset += rows * cols;
        }
        return new PrunedWeights(weights, masks);
    }

    /// <summary>round(amount · n), validated: amount must be a fraction in [0, 1].</summary>
    public static int Count(double amount, int n)
    {
        if (!(amount >= 0 && amount <= 1))
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "amount must be a fraction in [0, 1]");
        return (int)Math.Round(amount * n, MidpointRounding.ToEven);
    }

    /// <summary>Indices of the units to remove. Ties in magnitude are broken by index, so the choice is deterministic.</summary>
    internal static int[] Choose(double[] scores, double amount, PruneMethod method, int seed, string purpose)
    {
        int k = Count(amount, scores.Length);
        var order = Enumerable.Range(0, scores.Length);
        return method switch
        {
            PruneMethod.Magnitude => order.OrderBy(i => scores[i]).ThenBy(i => i).Take(k).ToArray(),
            PruneMethod.LargestFirst => order.OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToArray(),
            PruneMethod.Random => SeededRandom.For(seed, purpose).Permutation(scores.Length).Take(k).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static double[,] Ones(int rows, int cols)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) m[i, j] = 1;
        return m;
    }
}
