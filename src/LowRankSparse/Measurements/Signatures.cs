using LowRankSparse.Analysis;
using LowRankSparse.LowRank;
using LowRankSparse.Model;
using LowRankSparse.Pruning;
using LowRankSparse.Training;

namespace LowRankSparse.Measurements;

/// <summary>Test hinge loss and accuracy of W(0) + rank-r(ΔW) for W_Q, W_K, W_V with the trained W_O (r = 0: W(0)'s attention).</summary>
public sealed record TruncationPoint(int R, double TestLoss, double TestAccuracy);

/// <summary>
/// The low-rank and sparse signatures of one trained model, measured the same way on real and on synthetic data: the update spectra
/// and their energy on a given "label-relevant" span, W_O's row norms and lucky neurons (trained and untrained), the neuron-pruning
/// curves and rank-r truncation. <c>Full = false</c> measures updates and test numbers only (the control runs).
/// </summary>
public sealed record Signatures(
    double TestLoss, double TestAccuracy, double TrainAccuracy,
    IReadOnlyDictionary<string, UpdateMetrics> Updates,
    double[]? SortedRowNorms, double[]? InitialSortedRowNorms, double? OtsuThreshold,
    OutputSparsity? Sparsity, OutputSparsity? Untrained,
    IReadOnlyList<PruningPoint>? Magnitude, IReadOnlyList<PruningPoint>? Random, IReadOnlyList<PruningPoint>? LargestFirst,
    IReadOnlyList<TruncationPoint>? Truncation,
    double? LargeAlignedWithOwnClass = null, double? SmallAlignedWithOwnClass = null)
{
    public static readonly double[] Rates = { 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };
    public const int MaxTruncationRank = 4;

    /// <param name="span">The label-relevant directions in R^d (rows), e.g. the class-mean difference's leading directions.</param>
    public static Signatures Of(TrainingRun run, IReadOnlyList<double[]> span, bool full)
    {
        var test = run.EvaluateTest();
        var train = run.EvaluateTrain();
        var updates = MeasureUpdates(run.Initial, run.Final, span);
        if (!full) return new Signatures(test.HingeLoss, test.Accuracy, train.Accuracy, updates, null, null, null, null, null, null, null, null, null);

        var lucky = LuckyNeurons.Of(run.Final, run.Patterns);
        var initial = LuckyNeurons.Of(run.Initial, run.Patterns);
        var runs = new[] { run };
        var truncation = Enumerable.Range(0, MaxTruncationRank + 1).Select(r =>
        {
            var e = Evaluation.Of(LowRank.Truncation.Apply(run.Initial, run.Final, r), run.OutputVector, run.Test);
            return new TruncationPoint(r, e.HingeLoss, e.Accuracy);
        }).ToList();
        return new Signatures(test.HingeLoss, test.Accuracy, train.Accuracy, updates,
            lucky.SortedRowNorms, initial.SortedRowNorms, lucky.Threshold,
            OutputSparsity.Of(run.Final, run.Initial, run.OutputVector, run.Patterns),
            OutputSparsity.Of(run.Initial, run.Initial, run.OutputVector, run.Patterns),
            PruningCurves.Compute(runs, Rates, PruneMethod.Magnitude, PruningCurves.Neurons),
            PruningCurves.Compute(runs, Rates, PruneMethod.Random, PruningCurves.Neurons),
            PruningCurves.Compute(runs, Rates, PruneMethod.LargestFirst, PruningCurves.Neurons),
            truncation,
            OwnClassShare(lucky, run.OutputVector, large: true), OwnClassShare(lucky, run.OutputVector, large: false));
    }

    /// <summary>Share of the large (or small) trained rows whose W_O row points more along W_V μ_c of the class c it votes for (sign a_i)
    /// than along the other class's: the end-of-training view of luck, beside the initial one.</summary>
    private static double OwnClassShare(LuckyNeurons lucky, double[] a, bool large)
    {
        var rows = Enumerable.Range(0, a.Length).Where(i => lucky.IsLucky[i] == large).ToList();
        return rows.Count == 0 ? double.NaN : rows.Count(i => lucky.PreferredPattern[i] == (a[i] > 0 ? 0 : 1)) / (double)rows.Count;
    }

    /// <summary>ΔW_Q, ΔW_K, ΔW_V, ΔW_O against the span: input side for all, output sides as in <see cref="UpdateAnalysis"/>
    /// (ΔW_Q onto W_K(0)·span, ΔW_K onto W_Q(0)·span); W_O's input side is W_V(0)·span.</summary>
    public static IReadOnlyDictionary<string, UpdateMetrics> MeasureUpdates(Weights initial, Weights final, IReadOnlyList<double[]> span)
    {
        var delta = final.Minus(initial);
        var input = Subspace.Span(span);
        Subspace Mapped(double[,] w) => Subspace.Span(span.Select(v => UpdateAnalysis.Apply(w, v)).ToList());
        int limit = span[0].Length;
        return new Dictionary<string, UpdateMetrics>
        {
            ["W_Q"] = UpdateAnalysis.Measure(delta.WQ, input, Mapped(initial.WK), limit),
            ["W_K"] = UpdateAnalysis.Measure(delta.WK, input, Mapped(initial.WQ), limit),
            ["W_V"] = UpdateAnalysis.Measure(delta.WV, input, null, limit),
            ["W_O"] = UpdateAnalysis.Measure(delta.WO, Mapped(initial.WV), null, limit),
        };
    }
}
