using LowRankSparse.Data;

namespace LowRankSparse.Theory;

/// <summary>
/// What the paper (and our generalisations, tagged) predict from a configuration alone, before any training.
/// [paper] = stated by arXiv 2406.17167 or its sibling (ICLR 2023); [ours] = this project's operationalisation.
/// </summary>
public static class Predictions
{
    /// <summary>
    /// Number of dominant singular values of each update [paper for K = 2; ours for K &gt; 2, docs/paper-notes.md §4.1]: per-sample mixing gives
    /// K for ΔW_Q and ΔW_K and 2 (the number of classes) for ΔW_V; per-token mixing makes a class's patterns exchangeable: 2 for all.
    /// </summary>
    public static IReadOnlyDictionary<string, int> GapRanks(DataConfig data)
    {
        int qk = data.Mixing == MixingMode.PerSample ? data.NumLabelRelevant : 2;
        return new Dictionary<string, int> { ["W_Q"] = qk, ["W_K"] = qk, ["W_V"] = 2 };
    }

    /// <summary>The input directions the updates concentrate on [paper]: span{μ_j : j label-relevant}.</summary>
    public static string ConcentrationSpan(DataConfig data) =>
        data.NumLabelRelevant == 2 ? "span{μ₁, μ₂}" : $"span{{μ₁ … μ{data.NumLabelRelevant}}}";

    /// <summary>
    /// Expected fraction of neurons lucky at initialisation [ours, from the paper's definition]: a neuron is lucky when
    /// ⟨W_O,i^(0), W_V^(0) μ_c⟩ &gt; 0 for its class c; with a Gaussian W_O^(0) that is a fair coin per neuron (1/2 for K = 2;
    /// 1 − 2^(−K/2) when any of the class's K/2 patterns counts).
    /// </summary>
    public static double LuckyAtInitFraction(DataConfig data) => 1 - Math.Pow(0.5, data.NumLabelRelevant / 2);

    /// <summary>
    /// Pruning rate up to which magnitude pruning should be nearly free [paper, shape; ours, the number]: the unlucky fraction,
    /// 1 − lucky fraction of the trained W_O.
    /// </summary>
    public static double FreePruningRate(double luckyFraction) => 1 - luckyFraction;

    /// <summary>
    /// Attention mass on label-relevant keys under uniform attention [exact, from the data config]: every key weighs 1/L, and a
    /// sample holds round(α*·L) tokens of its own class's pattern(s) with fixed counts, on average the kept draws' share with random counts
    /// (<see cref="RandomCountsLaw"/>, slightly above α* because samples without a majority are redrawn).
    /// </summary>
    public static double UniformAttentionMass(DataConfig data) => data.TokenCounts == TokenCounts.Random
        ? RandomCountsLaw.Of(data).MeanRelevantFraction      // the average share of label-relevant tokens among the samples kept
        : data.RelevantTokens / (double)data.Tokens;

    /// <summary>[ours] the initial softmax counts as saturated once a label-relevant query puts more than this on the keys of its own pattern.</summary>
    public const double SaturatedAttention = 0.9;

    /// <summary>
    /// κ_sat: with W_Q = W_K = κ·I and noise-free tokens the logit of two tokens of the same pattern is κ², of different patterns 0;
    /// a label-relevant query then puts n·e^{κ²} / (n·e^{κ²} + L − n) on the n = round(α*·L) keys of its pattern (one pattern per
    /// sample and class). That equals <see cref="SaturatedAttention"/> = s at κ² = ln(s/(1 − s) · (L − n)/n).
    /// </summary>
    public static double SaturationScale(DataConfig data)
    {
        int n = Math.Max(1, data.NumLabelRelevant == 2 || data.Mixing == MixingMode.PerSample ? data.RelevantTokens : data.RelevantTokens / data.PatternsPerClass);
        double ratio = SaturatedAttention / (1 - SaturatedAttention) * (data.Tokens - n) / n;
        return ratio > 1 ? Math.Sqrt(Math.Log(ratio)) : 0;
    }
}
