using LowRankSparse.Analysis;
using LowRankSparse.LowRank;
using LowRankSparse.Model;

namespace LowRankSparse.Tests.Pruning;

public class LowRankTests
{
    private static double[,] Random(int rows, int cols, int seed)
    {
        var rng = new Random(seed);
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) m[i, j] = rng.NextDouble() - 0.5;
        return m;
    }

    [Fact]
    public void Truncation_at_full_rank_reproduces_the_update_exactly()
    {
        var d = Random(6, 5, 1);
        var back = Truncation.BestRank(d, 5);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 5; j++) Assert.Equal(d[i, j], back[i, j], 12);
    }

    [Fact]
    public void Truncation_error_equals_the_tail_singular_values()
    {
        var d = Random(7, 6, 2);
        var s = Spectrum.Of(d).SingularValues;
        for (int r = 0; r <= 6; r++)
        {
            var low = Truncation.BestRank(d, r);
            double err = 0;
            for (int i = 0; i < 7; i++)
                for (int j = 0; j < 6; j++) err += Math.Pow(d[i, j] - low[i, j], 2);
            Assert.Equal(s.Skip(r).Sum(v => v * v), err, 10);
        }
    }

    [Fact]
    public void Apply_adds_the_truncated_update_to_the_initial_weights_and_keeps_W_O()
    {
        var w0 = new Weights(Random(4, 4, 1), Random(4, 4, 2), Random(4, 4, 3), Random(6, 4, 4));
        var w1 = new Weights(Random(4, 4, 5), Random(4, 4, 6), Random(4, 4, 7), Random(6, 4, 8));
        var full = Truncation.Apply(w0, w1, r: 4);
        Assert.Equal(w1.WQ[2, 3], full.WQ[2, 3], 12);
        Assert.Same(w1.WO, full.WO);
        var rank1 = Truncation.Apply(w0, w1, r: 1);
        Assert.Equal(1, Spectrum.Of(rank1.Minus(w0).WK).RankAtEnergy(0.999999));
    }
}
