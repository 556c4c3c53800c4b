using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Theory;
using LowRankSparse.Training;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Tests.Reproduce;

/// <summary>
/// Every verdict can fail: its control — the same check in a setting where the theory predicts the claim fails — does fail,
/// and a model that has not converged makes every claim about the trained model not applicable.
/// </summary>
[Collection(QuickReproductionCollection.Name)]
public class VerdictControlTests(QuickReproductionFixture quick)
{
    private ReproduceResults R => quick.Results;

    [Theory]
    [InlineData("low_rank")]
    [InlineData("low_rank_throughout")]
    [InlineData("label_relevant_span")]
    [InlineData("noise")]
    [InlineData("rank_vs_k")]
    [InlineData("lucky_neurons")]
    [InlineData("unlucky_stay_small")]
    [InlineData("magnitude_pruning")]
    [InlineData("random_pruning")]
    [InlineData("magnitude_beats_random")]
    [InlineData("largest_first")]
    [InlineData("rank_truncation")]
    [InlineData("lora")]
    [InlineData("attention")]
    public void The_control_of_each_claim_makes_its_check_fail(string id)
    {
        var v = R.Verdicts.Single(x => x.Id == id);
        Assert.NotNull(v.Control);
        if (v.Status == VerdictStatus.NotApplicable)                  // where the precondition fails the control says nothing either
            Assert.Equal(VerdictStatus.NotApplicable, v.Control!.Outcome);
        else
            Assert.True(v.Control!.Fails, $"{id}: the control ({v.Control.Setting}) does not fail: {v.Control.Measured}");
    }

    [Fact]
    public void Every_claim_has_a_control_and_a_precondition()
    {
        Assert.All(R.Verdicts, v =>
        {
            Assert.NotNull(v.Control);
            Assert.False(string.IsNullOrWhiteSpace(v.Precondition));
        });
        int applicable = R.Verdicts.Count(v => v.Status != VerdictStatus.NotApplicable);
        Assert.Contains($"every one of the {applicable} controls fails", VerdictSummary.Of(R.Verdicts));
    }

    [Fact]
    public void A_model_that_has_not_converged_makes_every_claim_about_it_not_applicable()
    {
        // after 3 steps test accuracy is already 1.000, but the hinge loss is near 1: nothing about the converged model can be read off it
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig, ["training.steps=3"]);
        var runs = SeedRuns.Train(config, 2);
        Convergence convergence;
        try
        {
            convergence = Convergence.Of(runs);
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }
        Assert.False(convergence.Converged, convergence.Text);
        var i = new ClaimInputs(R.Config.Data, convergence, R.Updates, R.Sparsity, R.Pruning, R.LowRank,
            R.Sweeps with { Noise = R.Sweeps.Noise.Select(n => n with { TestLoss = 0.98 }).ToList(),
                            LabelRelevant = R.Sweeps.LabelRelevant.Select(p => p with { TestLoss = 0.98 }).ToList() }, R.Controls);
        var verdicts = Claims.CheckAll(i);
        Assert.All(verdicts, v => Assert.Equal(VerdictStatus.NotApplicable, v.Status));
        Assert.All(verdicts, v => Assert.False(v.Holds));
    }

    [Fact]
    public void A_control_that_holds_is_reported_as_a_problem_of_the_check()
    {
        var applicable = R.Verdicts.Where(x => x.Status != VerdictStatus.NotApplicable).Take(2).ToList();
        var v = applicable[0] with { Control = new VerdictControl("a setting where the check cannot fail", "x", VerdictStatus.Holds) };
        string summary = VerdictSummary.Of([v, applicable[1]]);
        Assert.Contains("1 of 2 controls did not fail", summary);
    }

    [Fact]
    public void Predictions_come_from_the_config_not_from_the_measurement()
    {
        // uniform attention puts exactly round(α*·L)/L of its mass on label-relevant keys: the attention claim's baseline
        Assert.Equal(R.Config.Data.RelevantTokens / (double)R.Config.Data.Tokens, Predictions.UniformAttentionMass(R.Config.Data));
        Assert.Equal(R.Controls.UniformAttention.Updates.AttentionVsStep[0].Mean, Predictions.UniformAttentionMass(R.Config.Data), 2);
        // the magnitude-pruning threshold read off the same W_O is tagged as fitted
        Assert.Contains("[ours: fitted", R.Verdicts.Single(v => v.Id == "magnitude_pruning").Predicted);
    }
}

/// <summary>The report links every claim to the figures of its evidence, and each figure back to its verdict.</summary>
[Collection(QuickReproductionCollection.Name)]
public class ClaimFigureLinkTests(QuickReproductionFixture quick)
{
    [Fact]
    public void Every_claim_links_to_figures_that_exist_and_each_figure_says_its_verdict()
    {
        var ids = Figures.ReportFigures.All(quick.Results).Select(f => f.Id).ToHashSet();
        string html = File.ReadAllText(Path.Combine(quick.Folder, "report.html"));
        foreach (var v in quick.Results.Verdicts)
        {
            var figures = Report.ClaimFigures.For(v.Id);
            Assert.NotEmpty(figures);
            Assert.All(figures, f => Assert.Contains(f, ids));
            Assert.Contains($"href=\"#verdict-{v.Id}\">verdict: {System.Net.WebUtility.HtmlEncode(v.StatusText)}", html);
        }
        Assert.Contains("verdict: not reproduced", html);   // a failing verdict's figure says it fails
    }
}
