using LowRankSparse.Data;
using MathNet.Numerics.LinearAlgebra;

namespace LowRankSparse.Tests.Core;

public class DataModelTests
{
    private static readonly DataConfig Small = new() { Dim = 12, NumPatterns = 10, Tokens = 20, TrainSamples = 200, TestSamples = 100 };

    [Theory]
    [InlineData(PatternKind.StandardBasis)]
    [InlineData(PatternKind.RandomOrthonormal)]
    public void Patterns_are_orthonormal(PatternKind kind)
    {
        var p = PatternSet.Create(Small with { Patterns = kind }, seed: 3);
        var m = Matrix<double>.Build.DenseOfArray(p.Vectors);
        var gram = m * m.Transpose();
        Assert.True((gram - Matrix<double>.Build.DenseIdentity(10)).InfinityNorm() < 1e-12);
    }

    [Theory]
    [InlineData(MixingMode.PerSample, 2)]
    [InlineData(MixingMode.PerToken, 4)]
    public void Every_sample_has_the_configured_token_counts_and_a_majority_vote_label(MixingMode mixing, int k)
    {
        var config = Small with { Mixing = mixing, NumLabelRelevant = k };
        var p = PatternSet.Create(config, 1);
        using var d = DataGenerator.Generate(config, p, 200, seed: 5);
        for (int i = 0; i < d.Count; i++)
        {
            int own = 0, confusion = 0, votesPlus = 0, votesMinus = 0;
            var ownPatterns = new HashSet<int>();
            for (int t = 0; t < d.Tokens; t++)
            {
                int cls = p.ClassOf(d.PatternIndex[i, t]);
                if (cls == 1) votesPlus++;
                if (cls == -1) votesMinus++;
                if (cls == d.Labels[i]) { own++; ownPatterns.Add(d.PatternIndex[i, t]); }
                else if (cls != 0) confusion++;
            }
            Assert.Equal(6, own);        // round(0.3 · 20)
            Assert.Equal(2, confusion);  // round(0.1 · 20)
            Assert.Equal(Math.Sign(votesPlus - votesMinus), d.Labels[i]);   // majority vote of the discriminative tokens
            if (mixing == MixingMode.PerSample) Assert.Single(ownPatterns);
        }
    }

    [Fact]
    public void Classes_are_balanced_and_labels_match_Y()
    {
        var p = PatternSet.Create(Small, 1);
        using var d = DataGenerator.Generate(Small, p, 200, seed: 9);
        Assert.Equal(100, d.Labels.Count(l => l == 1));
        Assert.Equal(100, d.Labels.Count(l => l == -1));
        Assert.Equal(d.Labels.Select(l => (float)l), d.Y.data<float>().ToArray());
        Assert.Equal(new long[] { 200, 20, 12 }, d.X.shape);
    }

    [Fact]
    public void Tokens_are_their_pattern_plus_noise_of_norm_tau()
    {
        var config = Small with { Noise = 0.07 };
        var p = PatternSet.Create(config, 1);
        using var d = DataGenerator.Generate(config, p, 20, seed: 2);
        var x = d.X.data<float>().ToArray();
        for (int i = 0; i < 20; i++)
            for (int t = 0; t < 20; t++)
            {
                double n2 = 0;
                for (int e = 0; e < 12; e++)
                {
                    double z = x[(i * 20 + t) * 12 + e] - p.Vectors[d.PatternIndex[i, t], e];
                    n2 += z * z;
                }
                Assert.Equal(0.07, Math.Sqrt(n2), 5);
            }
    }

    [Fact]
    public void Same_seed_gives_identical_data_and_another_seed_does_not()
    {
        var p = PatternSet.Create(Small, 1);
        using var a = DataGenerator.Generate(Small, p, 50, seed: 4);
        using var b = DataGenerator.Generate(Small, p, 50, seed: 4);
        using var c = DataGenerator.Generate(Small, p, 50, seed: 5);
        Assert.Equal(a.X.data<float>().ToArray(), b.X.data<float>().ToArray());
        Assert.NotEqual(a.X.data<float>().ToArray(), c.X.data<float>().ToArray());
    }
}
