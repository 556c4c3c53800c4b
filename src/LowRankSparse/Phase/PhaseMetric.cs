using LowRankSparse.Theory;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Phase;

/// <summary>
/// A quantity drawn as one heatmap per grid, with the claim whose verdict is overlaid on it. The colour scale is anchored to the criterion
/// (issue #24): a diverging scale centred on <paramref name="Criterion"/> over the fixed range [<paramref name="Lo"/>, <paramref name="Hi"/>] [ours],
/// never the grid's min and max, so a uniform field looks uniform; <paramref name="HigherIsBetter"/> says which side of the centre the claim wants.
/// </summary>
public sealed record PhaseMetric(string Id, string Title, string Claim, double Criterion, double Lo, double Hi, bool HigherIsBetter)
{
    public static readonly PhaseMetric TopKQ = new("top_k_energy_W_Q", "top-K energy of ΔW_Q", PhaseClaims.LowRank, Thresholds.TopKEnergy, 0.98, 1, true);
    public static readonly PhaseMetric TopKK = new("top_k_energy_W_K", "top-K energy of ΔW_K", PhaseClaims.LowRank, Thresholds.TopKEnergy, 0.98, 1, true);
    public static readonly PhaseMetric TopKV = new("top_k_energy_W_V", "top-K energy of ΔW_V", PhaseClaims.LowRank, Thresholds.TopKEnergy, 0.98, 1, true);
    public static readonly PhaseMetric RelevantEnergy = new("label_relevant_energy",
        "label-relevant energy on the concentrated sides (mean of ΔW_Q output, ΔW_K and ΔW_V input)", PhaseClaims.Span, Thresholds.RelevantEnergy, 0, 1, true);
    public static readonly PhaseMetric LuckySeparation = new("lucky_separation", "lucky separation: large W_O rows' mean norm / small rows'", PhaseClaims.Lucky,
        Thresholds.LuckySeparation, 0, 2 * Thresholds.LuckySeparation, true);
    public static readonly PhaseMetric PruningGap = new("pruning_gap", "pruning gap: test hinge of magnitude minus random pruning at R", PhaseClaims.Pruning,
        0, -0.1, 0.1, false);
    public static readonly PhaseMetric TestLoss = new("test_hinge_loss", "test hinge loss", PhaseClaims.Converged, Thresholds.ConvergedTestLoss, 0,
        2 * Thresholds.ConvergedTestLoss, false);
    public static readonly PhaseMetric TestAccuracy = new("test_accuracy", "test accuracy", PhaseClaims.Converged, Thresholds.CollapsedAccuracy, 0.2, 1, true);
    public static readonly PhaseMetric Attention = new("attention_mass", "final attention mass on label-relevant keys", PhaseClaims.Attention, 0.5, 0, 1, true);

    public static readonly IReadOnlyList<PhaseMetric> All = [TopKQ, TopKK, TopKV, RelevantEnergy, LuckySeparation, PruningGap, TestLoss, TestAccuracy, Attention];
}

/// <summary>The claims judged in every cell (ids as in results.json's verdicts, plus the convergence precondition itself).</summary>
public static class PhaseClaims
{
    public const string Converged = "converged";

    /// <summary>The synthetic claims judged in every cell, by their catalog ids (a claim id is typed once, in <see cref="ClaimCatalog"/>).</summary>
    public static readonly string LowRank = ClaimCatalog.LowRank.Id, Span = ClaimCatalog.LabelRelevantSpan.Id, Lucky = ClaimCatalog.LuckyNeurons.Id,
        Pruning = ClaimCatalog.MagnitudeBeatsRandom.Id, Attention = ClaimCatalog.Attention.Id;

    public static readonly IReadOnlyList<string> All = [Converged, LowRank, Span, Lucky, Pruning, Attention];
}
