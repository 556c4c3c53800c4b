using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Data;

/// <summary>
/// Draws samples as in docs/paper-notes.md §1. With <see cref="TokenCounts.Random"/> see <see cref="DrawRandomCounts"/>. With fixed counts, for a sample of class c: round(α*·L) tokens carry c's pattern(s), round(α#·L) carry the
/// other class's (confusion tokens), the rest draw uniformly from the label-irrelevant patterns; positions are shuffled; each
/// token gets noise of norm τ. The label is the majority vote of the discriminative tokens (always c, since α* &gt; α#).
/// Classes are balanced: exactly N/2 of each, in shuffled order.
/// </summary>
public static class DataGenerator
{
    public static Dataset Generate(DataConfig config, PatternSet patterns, int count, int seed)
    {
        var rng = new SeededRandom(seed);
        int l = config.Tokens, d = config.Dim;
        var labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = i < count / 2 ? 1 : -1;
        rng.Shuffle(labels);

        var patternIndex = new int[count, l];
        var x = new float[(long)count * l * d];
        int[] irrelevant = patterns.LabelIrrelevant;
        var tokenPatterns = new int[l];
        var noise = new double[d];
        for (int i = 0; i < count; i++)
        {
            int c = labels[i];
            int[] own = patterns.ClassPatterns(c), other = patterns.ClassPatterns(-c);
            int ownPick = own[rng.NextInt(own.Length)], otherPick = other[rng.NextInt(other.Length)];
            int Own() => config.Mixing == MixingMode.PerSample ? ownPick : own[rng.NextInt(own.Length)];
            int Other() => config.Mixing == MixingMode.PerSample ? otherPick : other[rng.NextInt(other.Length)];
            if (config.TokenCounts == TokenCounts.Random) DrawRandomCounts(config, rng, tokenPatterns, Own, Other, irrelevant);
            else
            {
                int t = 0;
                for (int k = 0; k < config.RelevantTokens; k++) tokenPatterns[t++] = Own();
                for (int k = 0; k < config.ConfusionTokens; k++) tokenPatterns[t++] = Other();
                while (t < l) tokenPatterns[t++] = irrelevant[rng.NextInt(irrelevant.Length)];
                rng.Shuffle(tokenPatterns);
            }

            for (int s = 0; s < l; s++)
            {
                int j = tokenPatterns[s];
                patternIndex[i, s] = j;
                DrawNoise(config, rng, noise);
                long at = ((long)i * l + s) * d;
                for (int e = 0; e < d; e++) x[at + e] = (float)(patterns.Vectors[j, e] + noise[e]);
            }
        }

        var yData = labels.Select(v => (float)v).ToArray();
        return new Dataset(tensor(x, new long[] { count, l, d }), tensor(yData, new long[] { count }), patternIndex, labels);
    }

    /// <summary>
    /// [paper] law with random counts: each token independently carries the sample's own class pattern with probability α*, the other
    /// class's with probability α#, else a uniformly drawn label-irrelevant pattern. The label is the majority vote of the discriminative
    /// tokens. [ours] To keep exactly N/2 samples per class, the class c is fixed first and a draw whose vote is not c (a tie, or more
    /// confusion than relevant tokens) is redrawn; by the symmetry of the law this is the same as drawing freely, labelling by the vote,
    /// redrawing ties and keeping N/2 of each label. α*, α# are then average fractions before that conditioning; the realised averages
    /// are slightly higher/lower (<see cref="RandomCountsLaw"/> gives the share of draws kept and the realised averages).
    /// </summary>
    private static void DrawRandomCounts(DataConfig config, SeededRandom rng, int[] tokenPatterns, Func<int> own, Func<int> other, int[] irrelevant)
    {
        for (int attempt = 0; ; attempt++)
        {
            if (attempt >= MaxRedraws)
                throw new ConfigException($"data.relevant_fraction = {config.RelevantFraction}: {MaxRedraws} draws in a row had no majority " +
                    "of label-relevant tokens; raise data.relevant_fraction or data.tokens");
            int relevant = 0, confusion = 0;
            for (int s = 0; s < tokenPatterns.Length; s++)
            {
                double u = rng.NextDouble();
                if (u < config.RelevantFraction) { tokenPatterns[s] = own(); relevant++; }
                else if (u < config.RelevantFraction + config.ConfusionFraction) { tokenPatterns[s] = other(); confusion++; }
                else tokenPatterns[s] = irrelevant[rng.NextInt(irrelevant.Length)];
            }
            if (relevant > confusion) return;
        }
    }

    /// <summary>[ours] A guard against an endless loop; validation already refuses configs that keep fewer than half the draws.</summary>
    private const int MaxRedraws = 100_000;

    private static void DrawNoise(DataConfig config, SeededRandom rng, double[] z)
    {
        if (config.Noise == 0)
        {
            Array.Clear(z);
            return;
        }
        double norm2 = 0;
        for (int e = 0; e < z.Length; e++)
        {
            z[e] = rng.NextGaussian();
            norm2 += z[e] * z[e];
        }
        double scale = config.NoiseKind == NoiseKind.Sphere ? config.Noise / Math.Sqrt(norm2) : config.Noise / Math.Sqrt(z.Length);
        for (int e = 0; e < z.Length; e++) z[e] *= scale;
    }
}
