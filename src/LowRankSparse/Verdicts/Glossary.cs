using System.Globalization;
using LowRankSparse.Measurements;
using LowRankSparse.Theory;

namespace LowRankSparse.Verdicts;

/// <summary>
/// One entry of the glossary: the results.json names it defines (<paramref name="Names"/>, snake_case, the first is the main one),
/// a label in words, what it means, its formula (readable Unicode, no TeX), the paper's symbol where there is one, and whether
/// the quantity is the paper's ([paper]) or a measure or operationalisation this project chose ([ours]).
/// </summary>
public sealed record GlossaryTerm(string Group, string[] Names, string Label, string Meaning, string? Formula = null, string? Symbol = null,
    string Tag = "ours")
{
    /// <summary>How captions and verdicts write the term (regular expressions, matched case-sensitively as whole words): the report
    /// links their first occurrence in each caption and verdict cell to the definition.</summary>
    public string[] Phrases { get; init; } = [];
}

/// <summary>A config key with the paper's symbol for it (null: the paper has none, the key is [ours]) and what it sets.</summary>
public sealed record ConfigSymbol(string Key, string? Symbol, string SymbolTag, string Meaning);

/// <summary>
/// The one glossary of the project (issue #18): every name of results.json that the report and the notebooks use, and every config
/// key with the paper's symbol. The report's "How to read this report" section, its config table and notebook 00 all render it.
/// Numbers in the definitions come from <see cref="Thresholds"/> and the control settings, never typed twice.
/// </summary>
public static class Glossary
{
    public const string Verdicts = "Verdicts", Run = "Runs and seeds", Updates = "Weight updates: low rank", Sparsity = "Output layer: sparsity and lucky neurons",
        Generalization = "Generalization and pruning", LowRank = "Low-rank adaption", Sweeps = "Sweeps", Controls = "Controls", RealData = "Real data (Fashion-MNIST)",
        Phase = "Phase diagrams";

    /// <summary>The groups in the order the glossary shows them.</summary>
    public static readonly IReadOnlyList<string> Groups = [Verdicts, Run, Updates, Sparsity, Generalization, LowRank, Sweeps, Controls, RealData, Phase];

    /// <summary>The four outcomes of a verdict: the words the report shows, the results.json value, and what it means.</summary>
    public static readonly IReadOnlyList<(VerdictStatus Status, string Words, string Json, string Meaning)> Outcomes =
    [
        (VerdictStatus.Holds, "holds", "holds", "the precondition is met and the 95 % interval over seeds of every measured quantity lies on the predicted side of its threshold"),
        (VerdictStatus.Fails, "not reproduced", "fails", "the precondition is met and the 95 % interval of a measured quantity lies on the wrong side of its threshold; the report gives its numbers"),
        (VerdictStatus.Inconclusive, "inconclusive", "inconclusive", "the precondition is met but a measured quantity's 95 % interval over seeds straddles its threshold (or one seed ran): more seeds are needed to decide"),
        (VerdictStatus.NotApplicable, "not applicable", "not_applicable", "the precondition is not met, so the measurement says nothing about the claim"),
    ];

    private static string N(double x) => x.ToString(CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<GlossaryTerm> Terms =
    [
        // ---- verdicts: the reading guide's vocabulary -----------------------------------------------------------------
        new(Verdicts, ["verdicts"], "verdict",
            "One row of the verdict table: a claim of the paper checked against this run's measurements, with its precondition, prediction, " +
            "measurement, outcome and control."),
        new(Verdicts, ["id"], "claim id",
            "The claim's short name (low_rank, lucky_neurons …); its verdict row is anchored at #verdict-id, its paper statement at #claim-id."),
        new(Verdicts, ["claim"], "claim", "The claim in one sentence, in this project's words; the paper's statement (as docs/paper-notes.md paraphrases it) is quoted under \"The claims\"."),
        new(Verdicts, ["tag"], "tag",
            "paper = stated by the paper (or its ICLR 2023 sibling); ours = a number, threshold or operationalisation chosen by this project. " +
            "ours: fitted = a prediction read off the same model it is compared with."),
        new(Verdicts, ["precondition"], "precondition",
            $"What must hold before the measurement can speak to the claim — usually that the model has converged (test hinge loss ≤ {N(Thresholds.ConvergedTestLoss)} [ours]). " +
            "When it fails the outcome is not applicable."),
        new(Verdicts, ["predicted"], "prediction",
            "What the theory predicts for this run, from the config, the initialisation or the theory — never from the number it is compared with, " +
            "unless tagged ours: fitted. In sweeps.label_relevant[] it holds the predicted gap rank of each update."),
        new(Verdicts, ["measured"], "measurement", "The numbers this run measured for the claim (or for its control), in words."),
        new(Verdicts, ["status"], "outcome",
            string.Join(" ", Outcomes.Select(o => $"{o.Words} (results.json: {o.Json}): {o.Meaning}."))),
        new(Verdicts, ["holds"], "holds",
            "true only when the claim holds (false when it is not reproduced or not applicable). Inside a control: true when the control did not fail — " +
            "then the check cannot tell the claim from its absence, a problem of the check."),
        new(Verdicts, ["control", "setting"], "control",
            "The same check run in a setting where the theory predicts the claim fails (setting names it): saturated initial attention, the untrained W_O, " +
            "shuffled training labels, another pruning order, rank K − 1, no adapters. It must fail; one that holds is reported as a weakness of the check."),
        new(Verdicts, ["all_hold"], "all hold", "true when every synthetic claim holds."),
        new(Verdicts, ["criteria", "quantity", "comparison", "bar", "reason"], "criterion",
            "One measured quantity a verdict is decided on (issue #24): its values per seed, mean and 95 % Student-t interval (interval, seeds), the " +
            "comparison (at_least / at_most) with its threshold (bar), the reason for that threshold, and the outcome the interval gives — holds when the whole " +
            "interval is on the predicted side, fails when it is on the other side, inconclusive when it straddles the threshold or only one seed ran. " +
            "A verdict holds when all its criteria hold and fails when any fails."),
        new(Verdicts, ["margin", "distance"], "margin",
            "How far the deciding threshold could move before the outcome flips, in half-widths of the 95 % interval (the distance from the threshold to " +
            "the interval's nearer end, divided by half the interval's width); null when the interval has no width (every seed gave the same value). distance is the same in the quantity's own units."),
        new(Verdicts, ["outcome"], "control outcome",
            "A control's outcome, read like a verdict's: it must be fails for the check to tell the claim from its absence; holds or inconclusive is a weakness of the check."),
        new(Run, ["by_seed", "top_k_energy_by_seed", "label_relevant_energy_by_seed", "label_relevant_energy_output_by_seed", "test_loss_by_seed",
                  "test_accuracy_by_seed", "full_test_loss_by_seed", "full_test_accuracy_by_seed", "ranks_by_seed", "concentrated_irrelevant_by_seed"],
            "per-seed values",
            "The same quantity for each training seed, in seed order: the verdicts' intervals are taken over them (issue #24)."),
        new(LowRank, ["lora_at_k"], "LoRA at rank K over seeds",
            "Rank-K adapters trained on each of the first few seeds (at most 5 [ours]); the LoRA verdict's interval is taken over them, paired by seed with the full update and rank 0."),

        // ---- runs and seeds ---------------------------------------------------------------------------------------------
        new(Run, ["quick"], "quick mode", "The small configuration and grids (reproduce --quick): seconds instead of minutes."),
        new(Run, ["seeds", "seed", "per_seed"], "training seeds",
            "seeds = how many models are trained, each from its own training.seed (seed); per_seed[] holds each seed's own measurements. " +
            "Data, initialisation and batch order all derive from the seed."),
        new(Run, ["mean", "std"], "mean, std (and the suffixes _mean, _std)",
            "Mean and sample standard deviation over the training seeds (for random pruning also over the random masks); a name ending in _mean or _std " +
            "is the mean or the standard deviation of the quantity it names. The bands in the figures are mean ± std.",
            "std = √( Σ (x − x̄)² / (n − 1) )"),
        new(Run, ["step"], "step t", "The SGD step of a snapshot (0 = initialisation, T = the last step).", Symbol: "t", Tag: "paper"),
        new(Run, ["real_data_note"], "real-data note", "Why the real-data section is missing (switched off, or Fashion-MNIST not installed — with the install command)."),

        // ---- weight updates ---------------------------------------------------------------------------------------------
        new(Updates, ["W_Q", "W_K", "W_V", "W_O", "weights"], "weights W_Q, W_K, W_V, W_O",
            "Query and key W_Q, W_K ∈ ℝ^(m_b×d), value W_V ∈ ℝ^(m_a×d), output layer W_O ∈ ℝ^(m×m_a) whose m rows are the neurons; a ∈ ℝᵐ is fixed (±1/√m). " +
            "As a key in results.json (weights.W_Q …) the name stands for that weight's update ΔW.",
            "F(X) = (1/L) Σₗ aᵀ ReLU( W_O Σₛ W_V xₛ · softmaxₛ( xₛᵀ W_Kᵀ W_Q xₗ ) )", "W_Q, W_K, W_V, W_O, a", "paper"),
        new(Updates, ["updates"], "update ΔW", "What training changed in a weight: trained minus initial. updates holds their measurements over the seeds.",
            "ΔW = W⁽ᵀ⁾ − W⁽⁰⁾;  at a snapshot: W(t) − W(0)", "ΔW", "paper"),
        new(Updates, ["singular_values", "singular_values_mean", "singular_values_std"], "singular values σᵢ",
            "The singular values of ΔW, largest first. \"Low rank\" means a few of them dominate: one per label-relevant pattern.",
            "ΔW = Σᵢ σᵢ uᵢ vᵢᵀ,  σ₁ ≥ σ₂ ≥ … ≥ 0", "σᵢ", "paper") { Phrases = [@"singular values"] },
        new(Updates, ["top_k_energy", "top_k_energy_mean", "top2_energy"], "top-k energy",
            $"The share of ΔW's energy in its k largest singular directions; element k − 1 of top_k_energy is the top-k energy, top2_energy is k = 2. " +
            $"The theory predicts ≈ 1 for k = K; the low-rank verdict asks ≥ {N(Thresholds.TopKEnergy)} [ours].",
            "Eₖ = Σ_{i≤k} σᵢ² / Σᵢ σᵢ²") { Phrases = [@"top-(?:\d+|k|K) energy"] },
        new(Updates, ["rank_at_99_energy"], "rank at 99 % energy (rank @99 %)",
            "The smallest r whose top-r energy reaches 0.99: how many directions hold almost all of the update.", "min { r : Eᵣ ≥ 0.99 }") { Phrases = [@"rank at 99 % energy", @"99 %-energy rank", @"rank@99%"] },
        new(Updates, ["gap_rank", "ranks"], "gap rank",
            "The number of singular values before the largest gap σᵢ/σᵢ₊₁, searched in the leading half of the spectrum (directions outside the pattern " +
            "span make a steep tail). ranks in sweeps.label_relevant[] are gap ranks; for K ≥ 4 the 99 %-energy rank overshoots, the gap rank does not.",
            "argmax_{i ≤ ⌈min(rows, M)/2⌉} σᵢ / σᵢ₊₁") { Phrases = [@"gap ranks?"] },
        new(Updates, ["stable_rank", "stable_rank_mean"], "stable rank", "A smooth count of dominant directions; never more than the rank.",
            "‖ΔW‖_F² / ‖ΔW‖₂² = Σᵢ σᵢ² / σ₁²") { Phrases = [@"stable rank"] },
        new(Updates, ["frobenius_norm"], "Frobenius norm", "The size of the update.", "‖ΔW‖_F = ( Σᵢ σᵢ² )^½"),
        new(Updates, ["label_relevant_energy", "label_relevant_energy_mean"], "label-relevant energy (input side)",
            "The share of ΔW's energy on the label-relevant span, seen from the input side: P_rel projects ℝᵈ onto span{μⱼ : j label-relevant} " +
            "(for ΔW_O, ℝ^(m_a) onto span{W_V⁽⁰⁾ μⱼ}). Judged for ΔW_K and ΔW_V, whose updates concentrate there.",
            "‖ΔW P_rel‖_F² / ‖ΔW‖_F²") { Phrases = [@"label-relevant energy"] },
        new(Updates, ["label_relevant_energy_output", "label_relevant_energy_output_mean"], "label-relevant energy (output side)",
            "The same share on the output side: Q_rel projects onto span{W_K⁽⁰⁾ μⱼ} for ΔW_Q and span{W_Q⁽⁰⁾ μⱼ} for ΔW_K (null for ΔW_V and ΔW_O). " +
            "Judged for ΔW_Q: every query token fills its input side, the keys it learns to attend to fill its output side.",
            "‖Q_rel ΔW‖_F² / ‖ΔW‖_F²"),
        new(Updates, ["irrelevant_energy", "irrelevant_energy_output_wq", "concentrated_irrelevant_energy"], "label-irrelevant energy",
            "What the label-relevant span misses: irrelevant_energy per update on the input side, irrelevant_energy_output_wq for ΔW_Q's output side, " +
            "concentrated_irrelevant_energy the mean over the sides the updates concentrate on (ΔW_Q output, ΔW_K and ΔW_V input).",
            "1 − label-relevant energy") { Phrases = [@"label-irrelevant (?:energy|part)"] },
        new(Updates, ["energy_vs_step"], "top-K energy during training",
            "The top-K energy of W(t) − W(0) at every snapshot t, for ΔW_Q, ΔW_K, ΔW_V (mean and std over seeds): low rank throughout training, not only at the end.",
            "E_K( W(t) − W(0) )"),
        new(Updates, ["spectra_vs_step"], "spectra during training", "The first seed's singular values of W(t) − W(0) at every snapshot (the slider figure)."),
        new(Updates, ["attention_vs_step"], "attention mass on label-relevant keys",
            "The total softmax weight a query token puts on the keys that carry its sample's own class pattern, averaged over queries and test samples, " +
            "at every snapshot (mean and std over seeds). Uniform attention gives the share of label-relevant tokens, ⌊α*·L⌉ / L.",
            "(1/L) Σₗ Σ_{s label-relevant} softmaxₛ( xₛᵀ W_Kᵀ W_Q xₗ )", Tag: "paper") { Phrases = [@"attention mass on label-relevant keys"] },

        // ---- sparse output layer ----------------------------------------------------------------------------------------
        new(Sparsity, ["sparsity"], "sparsity section", "Claim 2 measured over the seeds: the lucky fraction, the W_O row norms, luck at initialisation and at the end."),
        new(Sparsity, ["neurons", "index", "sign", "norm"], "neuron i",
            "Row i of W_O (index i), with sign = sign(aᵢ) (+1 votes for class +1) and norm its row norm. Pruning removes whole neurons.",
            "‖W_O,ᵢ‖", "W_O,ᵢ, aᵢ", "paper"),
        new(Sparsity, ["w_o_row_norms", "w_o_row_norms_initial", "sorted_row_norms", "initial_sorted_row_norms", "row_norms_vs_step"], "W_O row norms",
            "The norms ‖W_O,ᵢ‖ of the m rows, largest first: trained, at initialisation, and (row_norms_vs_step) at every snapshot of the first seed.",
            "‖W_O,ᵢ‖ = ( Σⱼ W_O,ᵢⱼ² )^½"),
        new(Sparsity, ["threshold", "otsu_threshold"], "Otsu threshold",
            "The cut between large and small rows: Otsu's split of the log row norms, the cut that maximises the between-group variance (the most " +
            "pronounced gap), returned on the norm scale.",
            "argmax_c  n₀ n₁ ( mean₀ − mean₁ )²  over log ‖W_O,ᵢ‖") { Phrases = [@"Otsu threshold", @"Otsu split"] },
        new(Sparsity, ["lucky", "lucky_fraction", "lucky_fraction_mean", "lucky_fraction_std"], "lucky (large) neuron, lucky fraction",
            "A neuron is large (\"lucky\" at the end) when its row norm is above the Otsu threshold; the lucky fraction is the share of such rows. " +
            "Magnitude pruning is predicted to be nearly free up to R ≈ 1 − lucky fraction.",
            "#{ i : ‖W_O,ᵢ‖ > threshold } / m") { Phrases = [@"lucky fraction"] },
        new(Sparsity, ["lucky_at_init", "lucky_at_init_fraction", "lucky_at_init_fraction_mean"], "lucky at initialisation",
            "The paper's notion: neuron i is lucky when its ReLU is active, at initialisation, for the label-relevant direction of the class it votes for. " +
            "By the symmetry of the Gaussian W_O about half the neurons are.",
            "⟨ W_O,ᵢ⁽⁰⁾, W_V⁽⁰⁾ μ_c ⟩ > 0,  c = the class of sign(aᵢ)", Tag: "paper") { Phrases = [@"lucky at initiali[sz]ation", @"lucky at init"] },
        new(Sparsity, ["lucky_at_init_that_end_large_mean", "lucky_at_init_that_are_large"], "lucky at init that end large",
            $"The share of the neurons lucky at initialisation whose row ends above the Otsu threshold (the lucky-neuron verdict asks its enrichment over the large fraction, (share − base)/(1 − base), to be ≥ {N(Thresholds.LuckyEnrichment)}).",
            "#{ lucky at init and large } / #{ lucky at init }"),
        new(Sparsity, ["large_that_were_lucky_at_init", "large_that_were_lucky_at_init_mean"], "large that were lucky at init",
            "The share of the large rows that were lucky at initialisation: \"the other neurons stay small\".",
            "#{ lucky at init and large } / #{ large }"),
        new(Sparsity, ["separation", "separation_mean"], "separation of large and small rows",
            $"The large rows' mean norm over the small rows'. An Otsu split of a Gaussian W_O gives ≈ 1.5; the verdict asks ≥ {N(Thresholds.LuckySeparation)} [ours].",
            "mean_{large} ‖W_O,ᵢ‖ / mean_{small} ‖W_O,ᵢ‖"),
        new(Sparsity, ["above_final_threshold"], "above the final threshold",
            "At a snapshot, the share of rows already above the final Otsu threshold: how the lucky neurons emerge."),
        new(Sparsity, ["alignment", "large_aligned_with_own_class", "small_aligned_with_own_class"], "alignment with W_V μⱼ",
            "alignment = the cosine of neuron i's row with W_V μⱼ for each label-relevant pattern j; a lucky neuron aligns with its own class's. " +
            "large_/small_aligned_with_own_class: the share of large (small) rows pointing more along their own class's W_V μ than the other's.",
            "cos( W_O,ᵢ, W_V μⱼ ) = ⟨W_O,ᵢ, W_V μⱼ⟩ / (‖W_O,ᵢ‖ ‖W_V μⱼ‖)") { Phrases = [@"cosine"] },

        // ---- generalization and pruning ---------------------------------------------------------------------------------
        new(Generalization, ["test_loss", "test_loss_mean", "test_loss_std", "full_test_loss", "full_test_loss_mean"], "test hinge loss (generalization error)",
            "The mean hinge loss on the test set. In this line of work the generalization error is the expected hinge loss, not the 0-1 error: " +
            "random pruning shrinks F(X) by about (1 − R) without flipping its sign, so accuracy hardly moves while the hinge loss grows. " +
            "full_test_loss: the full trained model (first seed; _mean over seeds), the reference for truncation and LoRA.",
            "ℓ = max( 0, 1 − y·F(X) ),  mean over the test set", "ℓ", "paper") { Phrases = [@"hinge loss", @"generalization error"] },
        new(Generalization, ["test_accuracy", "test_accuracy_mean", "test_accuracy_std", "full_test_accuracy", "full_test_accuracy_mean", "train_accuracy"], "accuracy",
            "The share of samples classified right (0-1 accuracy = 1 − 0-1 error), on the test set (train_accuracy: on the training set).",
            "#{ sign F(X) = y } / n", Tag: "paper") { Phrases = [@"accuracy"] },
        new(Generalization, ["pruning", "rate"], "pruning rate R",
            "The fraction of units removed: R·m rows of W_O for neuron pruning, R of the entries for unstructured pruning. Pruned units are zeroed; outputs are not rescaled.",
            Symbol: "R", Tag: "paper"),
        new(Generalization, ["magnitude"], "magnitude pruning", "Remove the R·m rows of W_O with the smallest norm first (the paper's order).", Tag: "paper") { Phrases = [@"magnitude pruning"] },
        new(Generalization, ["random"], "random pruning", "Remove R·m rows of W_O chosen at random (several seeded masks per training seed).", Tag: "paper") { Phrases = [@"random pruning"] },
        new(Generalization, ["largest_first"], "largest-first pruning", "Remove the largest rows first: the worst case, accuracy collapses once the lucky neurons are gone.", Tag: "paper") { Phrases = [@"largest-first"] },
        new(Generalization, ["unstructured_magnitude", "unstructured_random"], "unstructured pruning of W_O",
            "Remove single entries of W_O instead of rows: the smallest |w| first, or at random.") { Phrases = [@"weight-level magnitude pruning", @"random weight pruning"] },
        new(Generalization, ["global_magnitude"], "global magnitude pruning", "Remove the smallest |w| among all entries of W_Q, W_K, W_V and W_O together."),
        new(Generalization, ["test_logistic_loss"], "test logistic loss", "A linear baseline's logistic loss on the test set.",
            "log( 1 + exp( −y·(w·φ(X) + b) ) ),  mean over the test set"),

        // ---- low-rank adaption ------------------------------------------------------------------------------------------
        new(LowRank, ["low_rank", "truncation", "r"], "rank-r truncation",
            "Each of ΔW_Q, ΔW_K, ΔW_V replaced by its best rank-r approximation, with the trained W_O. r = 0 is W(0)'s attention with the trained head: " +
            "how much the attention updates matter at all.",
            "W⁽⁰⁾ + Σ_{i≤r} σᵢ uᵢ vᵢᵀ", "r", "paper") { Phrases = [@"rank-r\(ΔW\)"] },
        new(LowRank, ["lora", "alpha", "frozen_head", "trainable_parameters"], "LoRA adapters",
            "Only rank-r adapters B·A are trained on the frozen W⁽⁰⁾ (PEFT's form, alpha = α); frozen_head = true keeps W_O at the trained value, " +
            "because W_O alone solves this task; trainable_parameters counts what is trained.",
            "W = W⁽⁰⁾ + (α / r) · B·A") { Phrases = [@"LoRA adapters"] },
        new(LowRank, ["output_only"], "W_O alone", "W_O alone trained on the frozen W(0), no adapters: how far the head alone gets on this task."),
        new(LowRank, ["attention_truncation", "value_truncation"], "truncation per part",
            "attention_truncation: ΔW_Q and ΔW_K replaced by their best rank-r approximations, ΔW_V and W_O as trained (the attention part, where the " +
            "truncation and LoRA claims are judged); value_truncation: ΔW_V alone truncated, ΔW_Q and ΔW_K as trained. r = 0 drops that part's update.",
            "W⁽⁰⁾ + Σ_{i≤r} σᵢ uᵢ vᵢᵀ for the part's weights") { Phrases = [@"attention part"] },
        new(LowRank, ["attention_random_rank_k"], "random rank-K projection",
            "The control of the truncation claim: ΔW_Q and ΔW_K projected on a random K-dimensional subspace of their input space (same rank as the " +
            "best rank-K approximation, random directions).", "W⁽⁰⁾ + ΔW·QQᵀ, Q an orthonormal basis of a seeded Gaussian d×K matrix"),
        new(LowRank, ["test_loss_interval"], "test hinge over seeds", "A rank point's test hinge loss per seed with its 95 % Student-t interval."),

        // ---- the theory's conditions and attention learning (issue #23) ----------------------------------------------------
        new(Run, ["theory_conditions", "name", "symbol", "value", "bound", "source", "inside", "why"], "the theorem's conditions",
            "The sufficient conditions of the sibling theorem (ICLR 2023) evaluated on the run's config: α*/α# ≥ 2e, τ·M ≤ 1, m/(M² ln N) ≥ 1, N·α*² ≥ 1, " +
            "counts random per sample, K = 2. bound is the condition, source where it comes from ([ours] where we set a hidden constant to 1), inside " +
            "whether the run meets it, why what it is for.") { Phrases = [@"theorem's conditions"] },
        new(Run, ["inside_theory", "conditions_broken"], "inside the theory's conditions",
            "Whether the run meets every condition of theory_conditions. Outside them an outcome neither confirms nor refutes the paper, and each " +
            "verdict says so beside its outcome (conditions_broken lists what the run breaks)."),
        new(Run, ["attention_matters", "matters", "criterion", "sentence", "hinge_difference"], "does attention learning matter?",
            $"The full model against a control trained on the same data, batch order and steps with W_Q, W_K frozen at W(0). It matters when the frozen " +
            $"control's test hinge exceeds the full model's by ≥ {N(Thresholds.AttentionMattersLoss)} with the 95 % interval of the per-seed difference above 0, " +
            $"and is ≥ {N(Thresholds.AttentionMattersRatio)}× it [ours]. Otherwise the claims about the attention updates are not applicable.")
            { Phrases = [@"attention learning"] },
        new(Run, ["full_test_hinge", "frozen_qk_test_hinge"], "full vs frozen W_Q, W_K", "Test hinge loss of full training and of the control with W_Q, W_K frozen at W(0), over seeds."),
        new(Run, ["attention_mass_init", "attention_mass_final", "uniform_attention_mass"], "attention mass at the start and the end",
            "Mean attention weight a query puts on label-relevant keys at W(0) and after training, over seeds; uniform_attention_mass is what uniform " +
            "attention gives (the average share of label-relevant tokens).", "mean over queries of Σ_{s label-relevant} softmax_s(x_sᵀ W_Kᵀ W_Q x_l)"),
        new(Run, ["interval", "values"], "interval over seeds",
            "A quantity measured once per seed: values per seed, their mean and sample std, and interval = the 95 % Student-t confidence interval of the mean " +
            "(mean ± t₀.₉₇₅,ₙ₋₁ · std/√n).", "mean ± t₀.₉₇₅,ₙ₋₁ · s/√n"),

        // ---- sweeps -----------------------------------------------------------------------------------------------------
        new(Sweeps, ["sweeps", "label_relevant", "k", "mode"], "sweep over K",
            "One model per number k = K of label-relevant patterns (K/2 per class) and mixing mode: per_sample — all relevant tokens of a sample carry the same " +
            "one of its class's patterns; per_token — each picks any of them.", Symbol: "K"),
        new(Sweeps, ["noise"], "noise level τ",
            "Each token is a noisy copy of its pattern, x = μⱼ + z with ‖z‖ ≈ τ; sweeps.noise[] holds one model per τ.", "x = μⱼ + z,  ‖z‖ ≤ τ", "τ", "paper"),
        new(Sweeps, ["patterns", "num_patterns", "dim"], "patterns: their number M and dimension d",
            "M orthonormal patterns μ₁ … μ_M in ℝᵈ; sweeps.patterns[] holds one model per M (with d = max(M, the config's d)); for real data d is a token's pixel count.",
            "⟨μᵢ, μⱼ⟩ = δᵢⱼ", "M, d, μⱼ", "paper"),

        // ---- controls ---------------------------------------------------------------------------------------------------
        new(Controls, ["controls", "saturated", "uniform_attention", "untrained", "shuffled_labels", "qk_init_scale", "labels_shuffled"], "control runs",
            $"The settings where the theory predicts the claims fail: saturated initial attention (W_Q = W_K = {N(ControlsSection.SaturatedScale)}·I) for the low-rank claims, " +
            $"near-uniform attention (W_Q = W_K = {N(ControlsSection.UniformScale)}·I) for attention, the untrained W_O (W(0) read as if trained) for lucky neurons, " +
            "and shuffled training labels (within each class a seeded random half labelled +1 [ours]: no pattern carries the label; at least 10 seeds [ours]) for the label-relevant span and the noise claim; " +
            "qk_init_scale is the κ of the run, labels_shuffled says whether its training labels were shuffled.",
            "W_Q⁽⁰⁾ = W_K⁽⁰⁾ = κ·I", "κ"),

        // ---- real data --------------------------------------------------------------------------------------------------
        new(RealData, ["real_data", "real", "synthetic", "shuffled", "signatures"], "real-data experiment",
            "The same model and measurements on two Fashion-MNIST classes (real), beside controls — shuffled training labels (shuffled), saturated attention — " +
            "and the synthetic model measured by the same code (synthetic); signatures are one run's measurements. Its verdicts are kept apart."),
        new(RealData, ["class_names", "train_samples", "test_samples", "tokens"], "images and tokens",
            "The two classes (the first is y = +1), the numbers of training and test images (N training samples), and L, the patches per image.",
            Symbol: "N, L", Tag: "paper"),
        new(RealData, ["span", "rank", "energy_in_span"], "label-relevant span of real data",
            "Real tokens have no patterns: the span is the leading rank directions of the class-mean difference of the tokens; energy_in_span is the share " +
            "of that difference's energy the span holds."),
        new(RealData, ["linear", "features", "steps"], "linear baselines",
            "Logistic regression trained by steps of full-batch gradient descent, on the mean-pooled tokens (what a bag of patches allows) or on all pixels (features).",
            "w·φ(X) + b,  φ(X) = (1/L) Σₗ xₗ  or all pixels"),

        // ---- phase diagrams (issue #15) ---------------------------------------------------------------------------------
        new(Phase, ["phase", "x_axis", "y_axis", "x_field", "y_field", "x_symbol", "y_symbol", "x_values", "y_values", "prune_rate"], "phase grid",
            "A grid over two of the theory's conditions (axes alpha_gap = α* − α#, noise τ, patterns M, qk_init_scale κ, learning_rate η, neurons m, " +
            "train_samples N): each axis' name, the config field it sets, its symbol and values; every cell is the run's config with those two values, " +
            "trained for several seeds. prune_rate is the R of the pruning gap."),
        new(Phase, ["cells", "ix", "iy", "x", "y", "inside_conditions", "metrics"], "grid cell",
            "One point of a grid: its indices (ix, iy) and axis values (x, y), whether it lies inside every condition of the theory the grid involves, " +
            "and each quantity over its seeds (metrics: mean, std, per_seed)."),
        new(Phase, ["diverged", "diverged_seeds", "diverged_at_step"], "diverged seeds",
            "Seeds of a cell whose loss became infinite or NaN, and the first step at which one did; such a cell is kept and marked ✱, its claims not applicable."),
        new(Phase, ["top_k_energy_W_Q", "top_k_energy_W_K", "top_k_energy_W_V"], "top-K energy of a cell",
            "The top-k energy of ΔW_Q, ΔW_K, ΔW_V with k = K, the number of label-relevant patterns (the low-rank claim's measure), mean over the cell's seeds.",
            "Σ_{i≤K} σᵢ² / Σᵢ σᵢ²", "K", "ours"),
        new(Phase, ["lucky_separation"], "lucky separation",
            "Mean norm of the large W_O rows over that of the small rows (Otsu split); the lucky-neurons claim asks for a clear separation.",
            "mean ‖W_O,large‖ / mean ‖W_O,small‖"),
        new(Phase, ["pruning_gap"], "pruning gap",
            "Test hinge loss after magnitude pruning minus after random pruning, both at the grid's rate R: negative when magnitude pruning costs less.",
            "ℓ(magnitude, R) − ℓ(random, R)"),
        new(Phase, ["test_hinge_loss", "attention_mass"], "cell test hinge loss, attention mass",
            "A cell's mean test hinge loss (convergence: ≤ the threshold of the precondition) and its final attention mass on label-relevant keys."),
        new(Phase, ["boundaries", "condition", "conditions", "axis", "other_axis", "rows", "other", "measurement", "agree", "applicable", "disagree", "inconclusive", "outside", "outside_holds", "summary"],
            "predicted vs measured boundary",
            "For each claim and condition: on every line of the grid along the condition's axis (other = the other axis' value), the predicted boundary " +
            "value and the measured one — the midpoint between the last cell that holds and the first that fails, scanning from the side the theory calls " +
            "inside; the conditions are sufficient: applicable counts the applicable cells inside the condition, agree those where the claim holds, disagree those where it fails (disagreements with the theory), inconclusive those whose interval straddles the criterion; outside counts the applicable cells outside it, where the theory predicts nothing, and outside_holds those that hold there (not predicted, not a disagreement); summary says it in words."),
        new(Phase, ["timing", "seconds", "train_seconds", "measure_seconds", "train_ms_per_seed_step", "estimated_seconds", "processor_count", "cpu_seconds", "workers", "items", "zero_gradient_fraction", "train_ms_per_computed_seed_step"],
            "grid timing",
            "Wall seconds of the grid; set-up and training, and measuring, as the workers' seconds over their number; ms per seed-step of the training loops; " +
            "the estimate the time budget was checked against; cores; CPU seconds of the process; worker threads and the items (stacked programs of whole cells) they shared; " +
            "the fraction of seed-steps whose gradient was exactly zero (hinge inactive on every sample of the stacked program), which skip the backward pass and the update; " +
            "and ms per seed-step over the steps that computed a gradient alone."),
    ];

    /// <summary>Every config key with the paper's symbol (none: [ours]). The report's and the notebooks' config tables show it.</summary>
    public static readonly IReadOnlyList<ConfigSymbol> ConfigKeys =
    [
        new("data.dim", "d", "paper", "token dimension (d ≥ M)"),
        new("data.num_patterns", "M", "paper", "number of orthonormal patterns"),
        new("data.num_label_relevant", "K", "ours", "label-relevant patterns, K/2 per class (the paper: 2)"),
        new("data.tokens", "L", "paper", "tokens per sample"),
        new("data.relevant_fraction", "α*", "paper", "fraction of tokens carrying the sample's own class pattern"),
        new("data.confusion_fraction", "α#", "paper", "fraction of confusion tokens (the other class's pattern)"),
        new("data.noise", "τ", "paper", "noise level: ‖z‖ ≈ τ"),
        new("data.noise_kind", null, "ours", "how z is drawn: a random direction of norm τ, or Gaussian"),
        new("data.patterns", "μ₁ … μ_M", "paper", "which orthonormal set: standard basis or random (QR)"),
        new("data.mixing", null, "ours", "how a class's K/2 patterns are mixed: per sample or per token"),
        new("data.token_counts", "α*, α# as averages", "paper", "random: each token is label-relevant w.p. α*, confusion w.p. α# (the paper's law); fixed: exact counts [ours]"),
        new("data.train_samples", "N", "paper", "training samples"),
        new("data.test_samples", null, "ours", "test samples"),
        new("model.neurons", "m", "paper", "neurons: rows of W_O"),
        new("model.value_dim", "m_a", "paper", "rows of W_V (null = d)"),
        new("model.key_dim", "m_b", "paper", "rows of W_Q and W_K (null = d)"),
        new("model.qk_init_scale", "κ", "ours", "initial W_Q = W_K = κ·I"),
        new("model.value_init_scale", null, "ours", "scale of the identity-like initial W_V"),
        new("model.init_noise", null, "ours", "std of the noise added to the initial W_Q, W_K, W_V"),
        new("model.output_init_std", "ξ", "ours", "std of the initial W_O entries: W_O ~ N(0, ξ²)"),
        new("training.batch_size", "B", "paper", "mini-batch size"),
        new("training.learning_rate", "η", "paper", "constant SGD step"),
        new("training.steps", "T", "paper", "SGD steps"),
        new("training.seed", null, "ours", "master seed: data, initialisation and batch order derive from it"),
        new("training.snapshot_every", null, "ours", "steps between weight snapshots (0 = first and last only)"),
        new("training.freeze_qk", null, "ours", "keep W_Q, W_K at W(0): the control that measures whether attention learning matters"),
    ];

    /// <summary>The term that defines a results.json name, or null.</summary>
    public static GlossaryTerm? Find(string name) => Terms.FirstOrDefault(t => t.Names.Contains(name));

    /// <summary>The symbol entry of a config key (section.key), or null.</summary>
    public static ConfigSymbol? ConfigKey(string key) => ConfigKeys.FirstOrDefault(c => c.Key == key);

    /// <summary>The HTML id of a name's definition: the report's links point at it.</summary>
    public static string Anchor(string name) => "g-" + name;
}
