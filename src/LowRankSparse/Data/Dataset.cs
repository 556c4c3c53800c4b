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
    /// [ours] The same tokens with labels that carry nothing: within each class, a seeded random half is labelled +1 and the rest −1, so the
    /// new labels are balanced and uncorrelated with the class exactly (a plain permutation leaves a chance correlation of order 1/√N, which
    /// the model picks up through the label-relevant patterns). The shuffled-labels control trains on it. A new dataset that owns copies of
    /// the tensors.
    /// </summary>
    public Dataset WithShuffledLabels(int seed)
    {
        var rng = Util.SeededRandom.For(seed, "shuffled labels");
        var labels = new int[Count];
        foreach (int c in new[] { 1, -1 })
        {
            var members = Enumerable.Range(0, Count).Where(i => Labels[i] == c).ToArray();
            rng.Shuffle(members);
            for (int j = 0; j < members.Length; j++) labels[members[j]] = j < members.Length / 2 ? 1 : -1;
        }
        return new Dataset(X.clone(), tensor(labels.Select(v => (float)v).ToArray(), new long[] { labels.Length }), PatternIndex, labels);
    }

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
    }
}
