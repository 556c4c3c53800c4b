using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Experiments.Sections;
using LowRankSparse.Figures;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Science;

/// <summary>Captions come from the numbers: a figure of data that contradict the theory says so.</summary>
public class CaptionTests(QuickRunFixture quick) : IClassFixture<QuickRunFixture>
{
    [Fact]
    public void The_spectra_caption_says_low_rank_only_when_the_tail_is_far_below()
    {
        var trained = UpdateFigures.Spectra(UpdatesSection.Compute([quick.Run], [quick.Results.Weights]), 2, 1);
        Assert.Contains("drop by at least", trained.Caption);
        Assert.DoesNotContain("NOT much smaller", trained.Caption);

        // the named config outside the theory's conditions (δ = 2): the initial softmax is saturated and ΔW_Q, ΔW_K get a flat tail
        var saturated = ConfigLoader.Load(Path.Combine(TestPaths.Configs, "saturated-attention.json"));
        Assert.Equal(2, saturated.Model.QkInitScale);
        using var run = Trainer.Train(saturated);
        var updates = UpdatesSection.Compute([run], [UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns)]);
        var flat = UpdateFigures.Spectra(updates, 2, 1);
        Assert.Contains("NOT much smaller", flat.Caption);
        Assert.DoesNotContain("orders of magnitude smaller", flat.Caption);
        Assert.Contains("NOT much smaller", EvolutionFigures.Spectra(updates, 2).Caption);
    }

    [Theory]
    [InlineData(new[] { 1.0, 0.5, 0.001 }, 2, 2.69897)]
    [InlineData(new[] { 1.0, 0.5, 0.25 }, 2, 0.30103)]
    [InlineData(new[] { 1.0, 0.5, 0.0 }, 2, double.PositiveInfinity)]
    [InlineData(new[] { 1.0, 0.5 }, 2, 0)]
    public void Orders_of_magnitude_below_the_kth_singular_value(double[] sigma, int k, double expected) =>
        Assert.Equal(expected, SpectrumWords.OrdersBelow(sigma, k), 5);
}
