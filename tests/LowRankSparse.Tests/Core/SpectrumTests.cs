using LowRankSparse.Analysis;

namespace LowRankSparse.Tests.Core;

public class SpectrumTests
{
    [Fact]
    public void Energy_fractions_ranks_and_stable_rank_of_a_known_diagonal()
    {
        var s = Spectrum.Of(new double[,] { { 3, 0, 0 }, { 0, 0, 0 }, { 0, 0, 4 } });
        Assert.Equal(new[] { 4.0, 3.0, 0.0 }, s.SingularValues.Select(v => Math.Round(v, 12)));
        Assert.Equal(16.0 / 25, s.TopKEnergy(1), 12);
        Assert.Equal(1.0, s.TopKEnergy(2), 12);
        Assert.Equal(2, s.RankAtEnergy());
        Assert.Equal(25.0 / 16, s.StableRank, 12);
    }

    [Fact]
    public void Gap_rank_finds_the_drop_after_the_dominant_values()
    {
        var d = new double[8, 8];
        double[] sv = { 10, 9, 8.5, 8, 0.1, 0.09, 0.0001, 0 };
        for (int i = 0; i < 8; i++) d[i, i] = sv[i];
        Assert.Equal(4, Spectrum.Of(d).GapRank(8));
    }

    [Fact]
    public void Energy_on_a_span_is_one_inside_and_zero_outside()
    {
        var span = Subspace.Span(new[] { new double[] { 1, 0, 0 }, new double[] { 0, 1, 0 } });
        var inside = new double[,] { { 1, 2, 0 }, { 3, -1, 0 } };     // rows in span{e1, e2}: input side only
        Assert.Equal(1.0, span.InputSideEnergy(inside), 12);
        Assert.Equal(0.0, span.InputSideEnergy(new double[,] { { 0, 0, 5 } }), 12);
        var outside = new double[,] { { 0, 0 }, { 0, 0 }, { 1, 2 } };
        Assert.Equal(0.0, span.OutputSideEnergy(outside), 12);
        Assert.Equal(1.0, span.OutputSideEnergy(new double[,] { { 1, 2 }, { 3, 4 }, { 0, 0 } }), 12);
    }

    [Fact]
    public void Otsu_threshold_splits_two_groups_of_row_norms()
    {
        double[] norms = { 0.01, 0.012, 0.009, 0.011, 1.0, 1.2, 0.9 };
        double t = LuckyNeurons.OtsuThreshold(norms);
        Assert.InRange(t, 0.012, 0.9);
    }
}
