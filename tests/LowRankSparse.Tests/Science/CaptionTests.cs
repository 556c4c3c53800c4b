using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Figures;
using LowRankSparse.Measurements;
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
        Assert.DoesNotContain("a flat tail", trained.Caption);

        // the named config outside the theory's conditions (δ = 2): the initial softmax is saturated and ΔW_Q, ΔW_K get a flat tail
        var saturated = ConfigLoader.Load(Path.Combine(TestPaths.Configs, "saturated-attention.json"));
        Assert.Equal(2, saturated.Model.QkInitScale);
        using var run = Trainer.Train(saturated);
        var updates = UpdatesSection.Compute([run], [UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns)]);
        var flat = UpdateFigures.Spectra(updates, 2, 1);
        Assert.Contains("a flat tail for", flat.Caption);
        Assert.DoesNotContain("orders of magnitude smaller", flat.Caption);
        Assert.Contains("a flat tail for", EvolutionFigures.Spectra(updates, 2).Caption);
    }

    [Fact]
    public void A_spectrum_more_concentrated_than_K_is_called_low_rank_not_a_flat_tail()
    {
        // issue #24: the spectrum caption called a 99.6 %-energy update "not low rank" because σ₃ was not far below σ₂ — its energy sits in σ₁
        var concentrated = new Dictionary<string, IReadOnlyList<double>> { ["W_Q"] = [1.0, 0.05, 0.03, 0.02] };
        string words = SpectrumWords.Gap(concentrated, 2);
        Assert.Contains("each carries ≥ 99 % of its energy in the top 2", words);
        Assert.DoesNotContain("flat tail", words);
        var flat = new Dictionary<string, IReadOnlyList<double>> { ["W_Q"] = [1.0, 0.9, 0.8, 0.7] };
        Assert.Contains("a flat tail for ΔW_Q", SpectrumWords.Gap(flat, 2));
    }

    [Theory]
    [InlineData(new[] { 1.0, 0.5, 0.001 }, 2, 2.69897)]
    [InlineData(new[] { 1.0, 0.5, 0.25 }, 2, 0.30103)]
    [InlineData(new[] { 1.0, 0.5, 0.0 }, 2, double.PositiveInfinity)]
    [InlineData(new[] { 1.0, 0.5 }, 2, 0)]
    public void Orders_of_magnitude_below_the_kth_singular_value(double[] sigma, int k, double expected) =>
        Assert.Equal(expected, SpectrumWords.OrdersBelow(sigma, k), 5);
}
