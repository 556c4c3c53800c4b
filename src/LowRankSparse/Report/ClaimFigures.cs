namespace LowRankSparse.Report;

/// <summary>Which report figures show the evidence of each claim: the verdict table links to them and each figure back to its verdicts.</summary>
public static class ClaimFigures
{
    public static readonly IReadOnlyDictionary<string, string[]> ByClaim = new Dictionary<string, string[]>
    {
        ["low_rank"] = ["spectra"],
        ["low_rank_throughout"] = ["energy_vs_step", "spectra_vs_step"],
        ["label_relevant_span"] = ["spectra"],
        ["noise"] = ["noise_sweep"],
        ["rank_vs_k"] = ["rank_vs_k"],
        ["lucky_neurons"] = ["wo_row_norms", "wo_histogram", "wo_row_norms_vs_step", "alignment"],
        ["unlucky_stay_small"] = ["wo_row_norms", "alignment"],
        ["magnitude_pruning"] = ["pruning_hinge", "pruning_accuracy"],
        ["random_pruning"] = ["pruning_hinge"],
        ["magnitude_beats_random"] = ["pruning_hinge"],
        ["largest_first"] = ["pruning_hinge", "pruning_accuracy"],
        ["rank_truncation"] = ["low_rank_adaption"],
        ["lora"] = ["low_rank_adaption"],
        ["attention"] = ["attention_vs_step", "attention_matters"],
    };

    public static IReadOnlyList<string> For(string claimId) => ByClaim.TryGetValue(claimId, out var ids) ? ids : [];

    public static IReadOnlyList<string> ClaimsOf(string figureId) => ByClaim.Where(p => p.Value.Contains(figureId)).Select(p => p.Key).ToList();
}
