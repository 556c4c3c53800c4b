using LowRankSparse.Data;
using LowRankSparse.Training;
using static TorchSharp.torch;

namespace LowRankSparse.Tests.RealData;

public class LinearBaselineTests
{
    private static Dataset Toy(int n, int seed, bool positional)
    {
        // y = sign of token 0's first coordinate: linear in the flattened tokens; mean pooling dilutes it by the L − 1 random tokens
        var rng = new Random(seed);
        var x = new float[n * 8 * 2];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 2 == 0 ? 1 : -1;
            for (int e = 0; e < 16; e++) x[i * 16 + e] = (float)(rng.NextDouble() * 2 - 1);
            x[i * 16] = positional ? labels[i] * (0.5f + (float)rng.NextDouble()) : x[i * 16];
        }
        return new Dataset(tensor(x, new long[] { n, 8, 2 }), tensor(labels.Select(v => (float)v).ToArray()), new int[n, 8], labels);
    }

    [Fact]
    public void Separates_a_linearly_separable_task_and_stays_at_chance_on_noise()
    {
        using var train = Toy(400, 1, positional: true);
        using var test = Toy(400, 2, positional: true);
        Assert.Equal(1.0, LinearBaseline.Fit(train, test, LinearBaseline.Features.Flattened).TestAccuracy);
        using var noise = Toy(400, 3, positional: false);
        using var noiseTest = Toy(400, 4, positional: false);
        Assert.InRange(LinearBaseline.Fit(noise, noiseTest, LinearBaseline.Features.Flattened).TestAccuracy, 0.35, 0.65);
    }
}
