using static TorchSharp.torch;

namespace LowRankSparse.Data;

/// <summary>
/// N samples of L tokens: <see cref="X"/> [N, L, d] float32, <see cref="Y"/> [N] float32 in {+1, −1},
/// and the pattern index of every token, [N, L] (needed for attention and alignment metrics).
/// Owns its tensors: dispose it when done.
/// </summary>
public sealed class Dataset : IDisposable
{
    public Dataset(Tensor x, Tensor y, int[,] patternIndex, int[] labels)
    {
        X = x;
        Y = y;
        PatternIndex = patternIndex;
        Labels = labels;
    }

    public Tensor X { get; }
    public Tensor Y { get; }
    public int[,] PatternIndex { get; }
    public int[] Labels { get; }
    public int Count => Labels.Length;
    public int Tokens => PatternIndex.GetLength(1);

    /// <summary>[N, L] float32 mask: 1 where a token carries a pattern of its sample's own class (a label-relevant token).</summary>
    public Tensor RelevantTokenMask(PatternSet patterns)
    {
        int n = Count, l = Tokens;
        var mask = new float[n * l];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < l; t++)
                mask[i * l + t] = patterns.ClassOf(PatternIndex[i, t]) == Labels[i] ? 1f : 0f;
        return tensor(mask, new long[] { n, l });
    }

    /// <summary>
    /// The same tokens with labels that carry nothing (<see cref="ShuffledLabels"/>); the shuffled-labels control trains on it. A new
    /// dataset that owns copies of the tensors.
    /// </summary>
    public Dataset WithShuffledLabels(int seed)
    {
        var labels = ShuffledLabels.Of(Labels, seed);
        return new Dataset(X.clone(), tensor(labels.Select(v => (float)v).ToArray(), new long[] { labels.Length }), PatternIndex, labels);
    }

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
    }
}
