using LowRankSparse.Analysis;
using LowRankSparse.Experiments.RealData;
using LowRankSparse.Measurements;
using LowRankSparse.Pruning;
using LowRankSparse.Theory;
using LowRankSparse.Training;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Tests.RealData;

/// <summary>The real-data verdicts on hand-made signatures: each outcome is reachable, and the precondition gates every claim about the trained model.</summary>
public class RealDataClaimsTests
{
    private static UpdateMetrics Update(double top2, double span) =>
        new(new[] { 1.0, 0.5, 0.1 }, new[] { top2 * 0.8, top2, 1.0 }, span, span, 1.5, 3, 2, 1.0);

    private static IReadOnlyList<PruningPoint> Curve(Func<double, double> loss) =>
        Signatures.Rates.Select(r => new PruningPoint(r, loss(r), 0.9, 0, 0)).ToList();

    private static Signatures Make(double accuracy, double top2, double span, double magnitudeSlope) => new(
        TestLoss: 0.2, TestAccuracy: accuracy, TrainAccuracy: accuracy,
        Updates: new Dictionary<string, UpdateMetrics> { ["W_Q"] = Update(top2, span), ["W_K"] = Update(top2, span), ["W_V"] = Update(top2, span), ["W_O"] = Update(top2, span) },
        SortedRowNorms: new[] { 1.0, 0.1 }, InitialSortedRowNorms: new[] { 0.1, 0.1 }, OtsuThreshold: 0.3,
        Sparsity: new OutputSparsity(0.5, 10, 0.5, 1, 1), Untrained: new OutputSparsity(0.5, 1.4, 0.5, 0.5, 0.5),
        Magnitude: Curve(r => 0.2 + magnitudeSlope * r), Random: Curve(r => 0.2 + r), LargestFirst: Curve(r => 0.2 + 3 * r),
        Truncation: Enumerable.Range(0, Signatures.MaxTruncationRank + 1).Select(r => new TruncationPoint(r, r >= 2 ? 0.2 : 0.8, r >= 2 ? accuracy : 0.6)).ToList());

    private static readonly LinearBaseline.Result[] Linear = { new(LinearBaseline.Features.MeanPooled, 10, 0.8, 0.8, 0.4) };
    private static readonly SpanInfo Span = new(2, new[] { 3.0, 1.0 }, 0.9);

    [Fact]
    public void Synthetic_like_signatures_hold_and_every_control_fails()
    {
        var good = Make(0.95, 0.99, 0.9, 0.01);
        var verdicts = RealDataClaims.CheckAll(good, new RealControl("shuffled", Make(0.5, 0.99, 0.1, 1)), new RealControl("saturated", Make(0.9, 0.5, 0.9, 1)), Linear, Span);
        Assert.All(verdicts, v => Assert.Equal(VerdictStatus.Holds, v.Status));
        Assert.All(verdicts, v => Assert.False(v.Control!.Holds, v.Id));
        // session 8: real images are not the theorem's data model, so even a claim that holds neither confirms nor refutes the paper
        Assert.All(verdicts, v => Assert.False(v.InsideTheory, v.Id));
        Assert.All(verdicts, v => Assert.EndsWith(Verdict.OutsideNote, v.StatusText));
        Assert.EndsWith("all judged outside the theorem's conditions (they neither confirm nor refute the paper)", VerdictSummary.Counts(verdicts));
    }

    [Fact]
    public void Flat_spectra_off_span_updates_and_costly_magnitude_pruning_are_not_reproduced()
    {
        var bad = Make(0.95, 0.6, 0.1, 2);
        var verdicts = RealDataClaims.CheckAll(bad, new RealControl("shuffled", Make(0.5, 0.6, 0.1, 1)), new RealControl("saturated", Make(0.9, 0.5, 0.9, 1)), Linear, Span)
            .ToDictionary(v => v.Id);
        Assert.Equal(VerdictStatus.Fails, verdicts["real_low_rank"].Status);
        Assert.Equal(VerdictStatus.Fails, verdicts["real_label_relevant_span"].Status);
        Assert.Equal(VerdictStatus.Fails, verdicts["real_magnitude_beats_random"].Status);
        Assert.True(verdicts["real_random_pruning"].Control!.Holds);   // magnitude rises linearly too: that control cannot tell
    }

    [Fact]
    public void Below_the_learned_accuracy_every_claim_about_the_trained_model_is_not_applicable()
    {
        var weak = Make(Thresholds.RealLearnedAccuracy - 0.05, 0.99, 0.9, 0.01);
        var verdicts = RealDataClaims.CheckAll(weak, new RealControl("shuffled", Make(0.5, 0.99, 0.1, 1)), new RealControl("saturated", Make(0.9, 0.5, 0.9, 1)), Linear, Span);
        Assert.Equal(VerdictStatus.Fails, verdicts[0].Status);   // real_learns has no precondition: it fails
        Assert.All(verdicts.Skip(1), v => Assert.Equal(VerdictStatus.NotApplicable, v.Status));
    }
}
