using LowRankSparse.Config;
using LowRankSparse.Measurements;
using LowRankSparse.Theory;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Tests.Science;

/// <summary>
/// Claims judged on sweep points (session 8): the run's own conditions do not cover the points of its sweeps. Until then the noise claim
/// fitted its slope over every τ of the sweep — τ = 0.15 and 0.20 on the theory config, where τ·M = 1.2 and 1.6 break the theorem's
/// τ·M ≤ 1 — and rank_vs_k judged K = 4, 6 (the theorem has K = 2), while both verdicts read "inside the theory's conditions".
/// Made-up sweep points (no training); the seeds are the arrays' entries.
/// </summary>
public class SweepConditionsTests
{
    private static readonly Dictionary<string, double> Energies = new() { ["W_Q"] = 0.1, ["W_K"] = 0.1, ["W_V"] = 0.1 };

    /// <param name="bySeed">The label-irrelevant energy on the concentrated sides, one entry per seed.</param>
    private static NoisePoint Level(double tau, bool? inside, params double[] bySeed) =>
        new(tau, Energies, 0.1, Energies, 1, 0.01) { InsideTheory = inside, ConcentratedIrrelevantBySeed = bySeed };

    private static IReadOnlyList<TheoryCondition> InsideRun => TheoryCondition.Of(ConfigLoader.Load("default"));

    [Fact]
    public void The_noise_claim_is_judged_on_the_levels_inside_the_conditions_and_shows_the_others_unjudged()
    {
        // three seeds: growing over the two levels inside, falling far below at the level outside — judged on all three levels the
        // slope would be negative in every seed (e.g. seed 0: 0.10, 0.12, 0.02)
        var levels = new[] { Level(0.0, true, 0.10, 0.11, 0.12), Level(0.1, true, 0.12, 0.13, 0.14), Level(0.2, false, 0.02, 0.02, 0.02) };
        var verdict = Claims.InRegime(Claims.Noise(levels), null, InsideRun);
        Assert.Equal(VerdictStatus.Holds, verdict.Status);
        var slope = verdict.Criteria.Single(c => c.Quantity.StartsWith("slope", StringComparison.Ordinal));
        Assert.Equal(0.2, slope.Mean, 6);                                      // (0.12 − 0.10) / 0.1 in every seed: the inside levels only
        Assert.Contains("τ=0.20 (outside the theorem's conditions: not judged)", verdict.Measured);
        Assert.True(verdict.InsideTheory);
        Assert.DoesNotContain("outside", VerdictSummary.Counts([verdict]));

        // control: the same levels all inside are judged together and the slope turns negative
        var all = levels.Select(l => l with { InsideTheory = true }).ToArray();
        Assert.Equal(VerdictStatus.Fails, Claims.InRegime(Claims.Noise(all), null, InsideRun).Status);
    }

    [Fact]
    public void The_sweep_figure_captions_name_the_points_outside_the_conditions()
    {
        var levels = new[] { Level(0.0, true, 0.10), Level(0.1, true, 0.12), Level(0.2, false, 0.02) };
        Assert.Contains("τ = 0.20 lies outside the theorem's conditions", Figures.SweepFigures.Noise(levels).Caption);
        Assert.DoesNotContain("outside", Figures.SweepFigures.Noise(levels.Take(2).ToList()).Caption);   // control: none outside, no sentence
    }

    [Fact]
    public void With_fewer_than_two_noise_levels_inside_every_level_is_judged_and_the_verdict_is_outside_the_conditions()
    {
        var levels = new[] { Level(0.0, true, 0.10, 0.11, 0.12), Level(0.2, false, 0.12, 0.13, 0.14), Level(0.3, false, 0.14, 0.15, 0.16) };
        var verdict = Claims.InRegime(Claims.Noise(levels), null, InsideRun);
        Assert.Equal(VerdictStatus.Holds, verdict.Status);
        Assert.False(verdict.InsideTheory);
        Assert.Contains("fewer than two noise levels inside them", verdict.ConditionsBroken);
        Assert.EndsWith(Verdict.OutsideNote, verdict.StatusText);
        Assert.DoesNotContain("conditions: not judged", verdict.Measured);   // every level judged
    }

    [Fact]
    public void Rank_vs_k_is_outside_the_conditions_when_it_judges_points_with_k_above_2_and_the_summary_names_it()
    {
        var ranks = new Dictionary<string, int> { ["W_Q"] = 2, ["W_K"] = 2, ["W_V"] = 2 };
        LabelRelevantPoint Point(int k, bool inside) => new(k, "per_sample", ranks, new Dictionary<string, int> { ["W_Q"] = k, ["W_K"] = k, ["W_V"] = 2 }, 1, 0.01)
        {
            InsideTheory = inside,
            RanksBySeed = ranks.ToDictionary(r => r.Key, r => new[] { r.Value, r.Value, r.Value }),
            TestLossBySeed = [0.01, 0.01, 0.01],
        };
        var insideOnly = Claims.InRegime(Claims.RankVsK([Point(2, true)]), null, InsideRun);
        Assert.True(insideOnly.InsideTheory);                                  // control: K = 2 alone stays inside
        var verdict = Claims.InRegime(Claims.RankVsK([Point(2, true), Point(4, false)]), null, InsideRun);
        Assert.False(verdict.InsideTheory);
        Assert.Equal("judged on sweep points outside them: K = 4", verdict.ConditionsBroken);
        Assert.EndsWith(Verdict.OutsideNote, verdict.StatusText);
        string summary = VerdictSummary.Counts([insideOnly, verdict]);
        Assert.Contains("rank_vs_k judged outside the theorem's conditions (neither confirms nor refutes the paper)", summary);
    }
}
