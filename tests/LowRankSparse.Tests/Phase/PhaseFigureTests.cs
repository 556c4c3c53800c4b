using LowRankSparse.Benchmarks;
using LowRankSparse.Config;
using LowRankSparse.Figures;

namespace LowRankSparse.Tests.Phase;

/// <summary>Axis scaling of the heatmaps and the grid-throughput benchmark's bookkeeping (no timing is asserted).</summary>
public class PhaseFigureTests
{
    [Theory]
    [InlineData(new[] { 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8 }, true)]
    [InlineData(new[] { 64.0, 128, 256, 512, 1000, 2000, 4000, 8000 }, true)]
    [InlineData(new[] { 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2 }, false)]
    [InlineData(new[] { 0.0, 0.05, 0.1, 0.35 }, false)]
    public void Geometric_values_get_a_log_axis_even_ones_a_linear_axis(double[] values, bool log) =>
        Assert.Equal(log, PhaseFigures.Geometric(values));

    [Fact]
    public void Phase_bench_reports_the_grid_it_timed()
    {
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig, ["training.steps=20"]);
        var r = PhaseBench.Measure(config, repeats: 1, loaded: false, points: 2, seeds: 1, runsPerItem: 2);
        Assert.Equal(4, r.Runs);
        Assert.Equal(20, r.Steps);
        Assert.Equal(2, r.Items);                                    // 4 one-seed cells in items of 2 runs
        Assert.Single(r.Timed);
        Assert.False(r.Quiet.Loaded);
        Assert.True(r.Quiet.MsPerSeedStep > 0 && r.CellsPerSecond(r.Quiet) > 0 && r.Quiet.CpuSeconds > 0);
    }
}
