using LowRankSparse.Theory;

namespace LowRankSparse.Verdicts;

/// <summary>
/// One claim of the paper (or ours, tagged) as one record (issue #22): its id in results.json, the short title the verdict table shows,
/// the statement quoted from docs/paper-notes.md, the check that judges it on a reproduction (<see cref="Claims"/>; the check carries its
/// own control), the report figures that show its evidence, the notebook that teaches it, and whether it is about the attention updates
/// ΔW_Q, ΔW_K (judged only where attention learning matters). The verdict list, the statement table, the figure links and the test lists
/// are all derived from <see cref="ClaimCatalog.All"/>.
/// </summary>
public sealed record ClaimEntry(string Id, string Title, string Tag, ClaimStatement Statement, string[] Figures, string Notebook,
    bool AboutAttentionUpdates, Func<ClaimInputs, Verdict> Judge);

/// <summary>The claims a reproduction judges, in the order the report lists them. Adding a claim: CONTRIBUTING.md.</summary>
public static class ClaimCatalog
{
    private const string Updates = "02-low-rank-updates.ipynb", Sparse = "03-sparse-output-layer.ipynb", Pruning = "04-pruning.ipynb",
        Adaption = "05-low-rank-adaption.ipynb", Training = "01-training.ipynb";

    public static readonly ClaimEntry LowRank = new("low_rank",
        "ΔW_Q, ΔW_K, ΔW_V are low-rank: as many dominant singular values as label-relevant patterns", "paper",
        new("§4.1", "paper",
            ["ΔW_Q, ΔW_K, ΔW_V concentrate on the label-relevant directions: ‖ΔW μ_j‖ is large for label-relevant j and small for the others, so the updates have as many dominant singular values as there are label-relevant patterns (2)."]),
        ["spectra"], Updates, true,
        i => Claims.LowRank(i.Data, i.Convergence, i.Updates, i.Controls?.Saturated));

    public static readonly ClaimEntry LowRankThroughout = new("low_rank_throughout",
        "The updates are low-rank throughout training, not only at the end", "paper",
        new("§4.1", "paper",
            ["ΔW_Q, ΔW_K, ΔW_V concentrate on the label-relevant directions", "the updates have as many dominant singular values as there are label-relevant patterns (2)."],
            "the theorem is about the SGD iterates, so W(t) − W(0) is checked at every snapshot, not only at the end"),
        ["energy_vs_step", "spectra_vs_step"], Updates, true,
        i => Claims.LowRankThroughout(i.Data, i.Convergence, i.Updates, i.Controls?.Saturated));

    public static readonly ClaimEntry LabelRelevantSpan = new("label_relevant_span",
        "The updates concentrate on the label-relevant directions", "paper",
        new("§4.1", "paper",
            ["ΔW_Q, ΔW_K, ΔW_V concentrate on the label-relevant directions", "So ΔW_Q concentrates on its output side, ΔW_K and ΔW_V on their input side."]),
        ["spectra"], Updates, true,
        i => Claims.LabelRelevantSpan(i.Data, i.Convergence, i.Updates, i.Controls?.ShuffledLabels));

    public static readonly ClaimEntry Noise = new("noise",
        "Label-irrelevant energy of the updates is small and grows with the noise level τ", "paper",
        new("§4.1", "paper", ["Expect: top-K energy close to 1, label-irrelevant energy small and growing with τ."]),
        ["noise_sweep"], Updates, true,
        i => Claims.Noise(i.Sweeps.Noise, i.Controls?.ShuffledLabels));

    public static readonly ClaimEntry RankVsK = new("rank_vs_k",
        "With K label-relevant patterns the gap rank follows K or the number of classes", "ours",
        new("§4.1", "ours",
            ["ΔW_Q and ΔW_K show K dominant singular values, while ΔW_V stays at rank 2 — its output side only ever sees one direction per class, so its rank follows the number of classes.",
             "the patterns of a class are exchangeable and all updates collapse to rank 2."],
            "the first for mode per sample, the second for mode per token (measured independently, not the paper's)"),
        ["rank_vs_k"], Updates, true,
        i => Claims.RankVsK(i.Sweeps.LabelRelevant));

    public static readonly ClaimEntry LuckyNeurons = new("lucky_neurons",
        "The neurons lucky at initialisation grow large: W_O splits into large and small rows", "paper",
        new("§4.2", "paper",
            ["A constant fraction of W_O rows (\"lucky\" neurons, whose ReLU was active for a label-relevant direction at initialization) grow large, aligned with W_V μ_1 or W_V μ_2 according to the sign of their a_i"]),
        ["wo_row_norms", "wo_histogram", "wo_row_norms_vs_step", "alignment"], Sparse, false,
        i => Claims.LuckyNeurons(i.Data, i.Convergence, i.Sparsity, i.Controls?.Untrained));

    public static readonly ClaimEntry UnluckyStaySmall = new("unlucky_stay_small",
        "The other neurons stay small: the large rows are the ones lucky at initialisation", "paper",
        new("§4.2", "paper", ["the others stay small."]),
        ["wo_row_norms", "alignment"], Sparse, false,
        i => Claims.UnluckyStaySmall(i.Convergence, i.Sparsity, i.Controls?.Untrained));

    public static readonly ClaimEntry MagnitudePruning = new("magnitude_pruning",
        "Magnitude pruning of W_O neurons barely changes the generalization error up to the unlucky fraction", "paper",
        new("§4.3", "paper",
            ["Removing (zeroing) the R·m rows of W_O with the smallest norm leaves the generalization error almost unchanged until R reaches about the fraction of small (unlucky) neurons"],
            "the fraction of small neurons is predicted from initialisation: 1 − the fraction of neurons lucky at W(0)"),
        ["pruning_hinge", "pruning_accuracy"], Pruning, false,
        i => Claims.MagnitudePruning(i.Convergence, i.Pruning, i.Sparsity));

    public static readonly ClaimEntry RandomPruning = new("random_pruning",
        "Random neuron pruning raises the generalization error roughly in proportion to R", "paper",
        new("§4.3", "paper", ["removing R·m random rows raises it roughly in proportion to R"]),
        ["pruning_hinge"], Pruning, false,
        i => Claims.RandomPruning(i.Convergence, i.Pruning));

    public static readonly ClaimEntry MagnitudeBeatsRandom = new("magnitude_beats_random",
        "Magnitude pruning beats random pruning below the threshold", "paper",
        new("§4.3", "paper", ["Magnitude pruning is nearly free; random pruning is not."]),
        ["pruning_hinge"], Pruning, false,
        i => Claims.MagnitudeBeatsRandom(i.Convergence, i.Pruning, i.Sparsity.LuckyAtInitFractionMean));

    public static readonly ClaimEntry LargestFirst = new("largest_first",
        "Pruning the largest neurons first is the worst case: accuracy collapses once the lucky neurons are gone", "paper",
        new("§4.3", "paper", ["removing the largest rows first is the worst case."]),
        ["pruning_hinge", "pruning_accuracy"], Pruning, false,
        i => Claims.LargestFirst(i.Convergence, i.Pruning, i.Sparsity.LuckyAtInitFractionMean));

    public static readonly ClaimEntry RankTruncation = new("rank_truncation",
        "Replacing ΔW_Q, ΔW_K by their best rank-K approximations keeps the generalization error", "paper",
        new("§4.4", "paper",
            ["Replacing each ΔW by its best rank-r approximation (r = number of label-relevant patterns) keeps test accuracy."],
            "ours: judged on the hinge loss too, because W_O alone already reaches accuracy 1 on this task"),
        ["low_rank_adaption"], Adaption, true,
        i => Claims.RankTruncation(i.Data, i.Convergence, i.LowRank));

    public static readonly ClaimEntry Lora = new("lora",
        "Training only rank-K adapters on W_Q, W_K recovers full training's generalization error", "ours",
        new("§4.4", "ours", ["training only rank-r adapters B·A on top of frozen W^(0)"],
            "the corollary read for adapters, with the head frozen at the trained W_O"),
        ["low_rank_adaption"], Adaption, true,
        i => Claims.Lora(i.Data, i.Convergence, i.LowRank));

    public static readonly ClaimEntry Attention = new("attention",
        "Attention concentrates on label-relevant tokens during training (ICLR 2023 sibling)", "paper",
        new("§4.5", "paper",
            ["attention concentrates on label-relevant tokens during training (their total attention weight grows towards 1)."],
            "from the ICLR 2023 sibling paper"),
        ["attention_vs_step", "attention_matters"], Training, true,
        i => Claims.Attention(i.Data, i.Convergence, i.Updates, i.Controls?.UniformAttention));

    /// <summary>Every claim a reproduction judges, in report order.</summary>
    public static readonly IReadOnlyList<ClaimEntry> All =
    [
        LowRank, LowRankThroughout, LabelRelevantSpan, Noise, RankVsK, LuckyNeurons, UnluckyStaySmall,
        MagnitudePruning, RandomPruning, MagnitudeBeatsRandom, LargestFirst, RankTruncation, Lora, Attention,
    ];

    public static ClaimEntry? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    /// <summary>The claims about the attention updates (judged only where attention learning matters and the initial attention is not saturated).</summary>
    public static IReadOnlySet<string> AttentionUpdateIds { get; } = All.Where(c => c.AboutAttentionUpdates).Select(c => c.Id).ToHashSet();

    /// <summary>The claims about the output layer W_O (judged only on enough neurons for a large/small split).</summary>
    public static IReadOnlySet<string> OutputLayerIds { get; } = new[] { LuckyNeurons, UnluckyStaySmall, MagnitudePruning, RandomPruning, MagnitudeBeatsRandom, LargestFirst }
        .Select(c => c.Id).ToHashSet();
}
