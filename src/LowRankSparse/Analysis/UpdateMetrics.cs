namespace LowRankSparse.Analysis;

/// <summary>
/// The low-rank measurements of one weight update ΔW (docs/paper-notes.md §4.1). Field names are the results.json keys.
/// LabelRelevantEnergy is the input side ‖ΔW P_rel‖²/‖ΔW‖²; LabelRelevantEnergyOutput the output side (null where undefined).
/// </summary>
public sealed record UpdateMetrics(
    double[] SingularValues,
    double[] TopKEnergy,
    double LabelRelevantEnergy,
    double? LabelRelevantEnergyOutput,
    double StableRank,
    int NumericalRank,
    int GapRank,
    double FrobeniusNorm);
