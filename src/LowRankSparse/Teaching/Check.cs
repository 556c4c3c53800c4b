using LowRankSparse.Data;
using LowRankSparse.Measurements;
using LowRankSparse.Phase;
using LowRankSparse.Theory;
using LowRankSparse.Training;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Teaching;

/// <summary>
/// The "predicted vs measured" verdicts of the notebooks: each claim judged by the check <c>reproduce</c> uses
/// (<see cref="Claims"/>), with its precondition (training converged) and its control, the same training where the theory
/// predicts the claim fails.
/// </summary>
public static class Check
{
    /// <summary>Did training converge (test hinge loss and accuracy over the seeds)? The precondition of every claim.</summary>
    public static Convergence Converged(IEnumerable<TrainingRun> runs) => Convergence.Of(runs);

    /// <summary>Every label is the majority vote; the token proportions and the classes are as configured.</summary>
    public static Verdict DataModel(DataConfig data, PatternSet patterns, Dataset samples) => DataChecks.DataModel(data, patterns, samples);

    public static Verdict Attention(DataConfig data, Convergence converged, UpdatesSection updates, ControlRun? control = null) =>
        Claims.Attention(data, converged, updates, control);

    public static Verdict LowRank(DataConfig data, Convergence converged, UpdatesSection updates, ControlRun? control = null) =>
        Claims.LowRank(data, converged, updates, control);

    public static Verdict LowRankThroughout(DataConfig data, Convergence converged, UpdatesSection updates, ControlRun? control = null) =>
        Claims.LowRankThroughout(data, converged, updates, control);

    public static Verdict LabelRelevantSpan(DataConfig data, Convergence converged, UpdatesSection updates, ControlRun? control = null) =>
        Claims.LabelRelevantSpan(data, converged, updates, control);

    public static Verdict RankVsK(SweepsSection sweeps) => Claims.RankVsK(sweeps.LabelRelevant);

    public static Verdict Noise(SweepsSection sweeps, ControlRun? control = null) => Claims.Noise(sweeps.Noise, control);

    public static Verdict LuckyNeurons(DataConfig data, Convergence converged, SparsitySection sparsity, OutputSparsityMean? control = null) =>
        Claims.LuckyNeurons(data, converged, sparsity, control);

    public static Verdict UnluckyStaySmall(Convergence converged, SparsitySection sparsity, OutputSparsityMean? control = null) =>
        Claims.UnluckyStaySmall(converged, sparsity, control);

    public static Verdict MagnitudePruning(Convergence converged, PruningSection pruning, SparsitySection sparsity) =>
        Claims.MagnitudePruning(converged, pruning, sparsity);

    public static Verdict RandomPruning(Convergence converged, PruningSection pruning) => Claims.RandomPruning(converged, pruning);

    public static Verdict MagnitudeBeatsRandom(Convergence converged, PruningSection pruning, SparsitySection sparsity) =>
        Claims.MagnitudeBeatsRandom(converged, pruning, sparsity.LuckyFractionMean);

    public static Verdict LargestFirst(Convergence converged, PruningSection pruning, SparsitySection sparsity) =>
        Claims.LargestFirst(converged, pruning, sparsity.LuckyFractionMean);

    public static Verdict RankTruncation(DataConfig data, Convergence converged, LowRankSection lowRank) =>
        Claims.RankTruncation(data, converged, lowRank);

    public static Verdict Lora(DataConfig data, Convergence converged, LowRankSection lowRank) => Claims.Lora(data, converged, lowRank);

    /// <summary>The claim a phase-diagram quantity belongs to, judged deepest inside the condition, with the cell farthest outside as control.</summary>
    public static Verdict Corners(PhaseResult result, PhaseMetric metric) => PhaseVerdicts.Corners(result, metric.Claim);
}
