using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Data;

/// <summary>
/// Draws samples as in docs/paper-notes.md §1. For a sample of class c: round(α*·L) tokens carry c's pattern(s), round(α#·L) carry the
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
            int t = 0;
            for (int k = 0; k < config.RelevantTokens; k++)
                tokenPatterns[t++] = config.Mixing == MixingMode.PerSample ? ownPick : own[rng.NextInt(own.Length)];
            for (int k = 0; k < config.ConfusionTokens; k++)
                tokenPatterns[t++] = config.Mixing == MixingMode.PerSample ? otherPick : other[rng.NextInt(other.Length)];
            while (t < l) tokenPatterns[t++] = irrelevant[rng.NextInt(irrelevant.Length)];
            rng.Shuffle(tokenPatterns);

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
