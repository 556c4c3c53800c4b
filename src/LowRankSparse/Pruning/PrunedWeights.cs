using LowRankSparse.Model;

namespace LowRankSparse.Pruning;

/// <summary>
/// Pruning as in <c>torch.nn.utils.prune</c>: the original weights are kept (<see cref="Original"/>, like <c>weight_orig</c>),
/// one 0/1 mask per pruned weight (<see cref="Masks"/>, like <c>weight_mask</c>), and the effective weights are their product.
/// Reversible: <see cref="Original"/> is never modified. <see cref="Remove"/> makes the pruning permanent.
/// </summary>
public sealed class PrunedWeights
{
    public PrunedWeights(Weights original, IReadOnlyDictionary<Weight, double[,]> masks)
    {
        Original = original;
        Masks = masks;
    }

    public Weights Original { get; }
    public IReadOnlyDictionary<Weight, double[,]> Masks { get; }

    /// <summary>Original ⊙ mask, the weights the pruned model computes with.</summary>
    public Weights Effective
    {
        get
        {
            var w = Original;
            foreach (var (weight, mask) in Masks) w = w.With(weight, Multiply(Original[weight], mask));
            return w;
        }
    }

    /// <summary>Makes the pruning permanent: plain weights with the pruned entries zeroed (like <c>prune.remove</c>).</summary>
    public Weights Remove() => Effective;

    /// <summary>Number of entries zeroed by the masks.</summary>
    public int PrunedCount => Masks.Values.Sum(m => m.Cast<double>().Count(v => v == 0));

    private static double[,] Multiply(double[,] w, double[,] mask)
    {
        var r = new double[w.GetLength(0), w.GetLength(1)];
        for (int i = 0; i < w.GetLength(0); i++)
            for (int j = 0; j < w.GetLength(1); j++)
                r[i, j] = w[i, j] * mask[i, j];
        return r;
    }
}
