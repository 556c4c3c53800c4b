namespace LowRankSparse.Theory;

/// <summary>
/// A claim as the paper states it, quoted from this project's paraphrase (docs/paper-notes.md, <paramref name="Section"/>): each of
/// <paramref name="Quotes"/> is verbatim there (a test holds them to it), <paramref name="Tag"/> says whether the statement is the
/// paper's or ours, and <paramref name="Reading"/> (optional) how this project reads it where the words leave room.
/// </summary>
public sealed record ClaimStatement(string Section, string Tag, string[] Quotes, string? Reading = null);

/// <summary>The paper's statement of each synthetic claim (verdict id → statement): the report quotes it beside the verdict.</summary>
public static class ClaimStatements
{
    public const string Source = "docs/paper-notes.md";

    public static readonly IReadOnlyDictionary<string, ClaimStatement> ById = new Dictionary<string, ClaimStatement>
    {
        ["low_rank"] = new("§4.1", "paper",
            ["ΔW_Q, ΔW_K, ΔW_V concentrate on the label-relevant directions: ‖ΔW μ_j‖ is large for label-relevant j and small for the others, so the updates have as many dominant singular values as there are label-relevant patterns (2)."]),
        ["low_rank_throughout"] = new("§4.1", "paper",
            ["ΔW_Q, ΔW_K, ΔW_V concentrate on the label-relevant directions", "the updates have as many dominant singular values as there are label-relevant patterns (2)."],
            "the theorem is about the SGD iterates, so W(t) − W(0) is checked at every snapshot, not only at the end"),
        ["label_relevant_span"] = new("§4.1", "paper",
            ["ΔW_Q, ΔW_K, ΔW_V concentrate on the label-relevant directions", "So ΔW_Q concentrates on its output side, ΔW_K and ΔW_V on their input side."]),
        ["noise"] = new("§4.1", "paper",
            ["Expect: top-K energy close to 1, label-irrelevant energy small and growing with τ."]),
        ["rank_vs_k"] = new("§4.1", "ours",
            ["ΔW_Q and ΔW_K show K dominant singular values, while ΔW_V stays at rank 2 — its output side only ever sees one direction per class, so its rank follows the number of classes.",
             "the patterns of a class are exchangeable and all updates collapse to rank 2."],
            "the first for mode per sample, the second for mode per token (measured independently, not the paper's)"),
        ["lucky_neurons"] = new("§4.2", "paper",
            ["A constant fraction of W_O rows (\"lucky\" neurons, whose ReLU was active for a label-relevant direction at initialization) grow large, aligned with W_V μ_1 or W_V μ_2 according to the sign of their a_i"]),
        ["unlucky_stay_small"] = new("§4.2", "paper", ["the others stay small."]),
        ["magnitude_pruning"] = new("§4.3", "paper",
            ["Removing (zeroing) the R·m rows of W_O with the smallest norm leaves the generalization error almost unchanged until R reaches about the fraction of small (unlucky) neurons"],
            "the fraction of small neurons is read as 1 − lucky fraction of the same trained W_O (fitted)"),
        ["random_pruning"] = new("§4.3", "paper", ["removing R·m random rows raises it roughly in proportion to R"]),
        ["magnitude_beats_random"] = new("§4.3", "paper", ["Magnitude pruning is nearly free; random pruning is not."]),
        ["largest_first"] = new("§4.3", "paper", ["removing the largest rows first is the worst case."]),
        ["rank_truncation"] = new("§4.4", "paper",
            ["Replacing each ΔW by its best rank-r approximation (r = number of label-relevant patterns) keeps test accuracy."],
            "ours: judged on the hinge loss too, because W_O alone already reaches accuracy 1 on this task"),
        ["lora"] = new("§4.4", "ours",
            ["training only rank-r adapters B·A on top of frozen W^(0)"],
            "the corollary read for adapters, with the head frozen at the trained W_O"),
        ["attention"] = new("§4.5", "paper",
            ["attention concentrates on label-relevant tokens during training (their total attention weight grows towards 1)."],
            "from the ICLR 2023 sibling paper"),
    };

    public static ClaimStatement? For(string claimId) => ById.GetValueOrDefault(claimId);
}
