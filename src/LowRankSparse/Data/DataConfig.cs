using System.Text.Json.Serialization;
using LowRankSparse.Util;

namespace LowRankSparse.Data;

/// <summary>How each token's noise z is drawn (‖z‖ ≈ τ). Sphere: random direction, norm exactly τ [ours]; Gaussian: N(0, τ²/d I).</summary>
public enum NoiseKind { Sphere, Gaussian }

/// <summary>The orthonormal patterns μ_1…μ_M: the first M standard basis vectors of R^d, or a random orthonormal set (QR).</summary>
public enum PatternKind { StandardBasis, RandomOrthonormal }

/// <summary>
/// How a class's K/2 label-relevant patterns are mixed (docs/paper-notes.md §4.1, [ours]): PerSample — all relevant tokens of a sample
/// carry the same one of its class's patterns; PerToken — every relevant token picks any of them.
/// </summary>
public enum MixingMode { PerSample, PerToken }

/// <summary>
/// How many of a sample's L tokens are label-relevant and confusion tokens (docs/paper-notes.md §1). Fixed [ours, the earlier
/// default]: exactly round(α*·L) and round(α#·L) in every sample. Random [paper: α*, α# are <i>average</i> fractions]: each token
/// independently is label-relevant with probability α*, a confusion token with probability α#, else label-irrelevant; the label
/// is the majority vote of the discriminative tokens, and a sample whose vote is a tie is redrawn (see <see cref="DataGenerator"/>).
/// </summary>
public enum TokenCounts { Fixed, Random }

/// <summary>
/// The synthetic data model of docs/paper-notes.md §1. The structure is [paper]; every number is [ours] (the paper gives none):
/// chosen so the effects are clearly visible and runs are fast on two CPU cores.
/// </summary>
public sealed record DataConfig
{
    /// <summary>Token dimension d (≥ M). [ours]</summary>
    public int Dim { get; init; } = 16;
    /// <summary>Number of orthonormal patterns M. [ours]</summary>
    public int NumPatterns { get; init; } = 16;
    /// <summary>Number of label-relevant patterns K, K/2 per class (the paper: 2). [paper]</summary>
    public int NumLabelRelevant { get; init; } = 2;
    /// <summary>Tokens per sample L. [ours]</summary>
    public int Tokens { get; init; } = 20;
    /// <summary>α*: fraction of a sample's tokens that carry its own class's pattern. [ours]</summary>
    public double RelevantFraction { get; init; } = 0.3;
    /// <summary>α#: fraction of confusion tokens (the other class's pattern). [ours]</summary>
    public double ConfusionFraction { get; init; } = 0.1;
    /// <summary>Noise level τ (the theory wants τ &lt; O(1/M)). [ours]</summary>
    public double Noise { get; init; } = 0.05;
    public NoiseKind NoiseKind { get; init; } = NoiseKind.Sphere;
    public PatternKind Patterns { get; init; } = PatternKind.StandardBasis;
    public MixingMode Mixing { get; init; } = MixingMode.PerSample;
    /// <summary>Fixed counts per sample, or counts drawn per token (α*, α# as average fractions, the paper's model). [ours: fixed; paper: random]</summary>
    public TokenCounts TokenCounts { get; init; } = TokenCounts.Fixed;
    public int TrainSamples { get; init; } = 4000;
    public int TestSamples { get; init; } = 1000;

    [JsonIgnore] public int RelevantTokens => (int)Math.Round(RelevantFraction * Tokens, MidpointRounding.AwayFromZero);
    [JsonIgnore] public int ConfusionTokens => (int)Math.Round(ConfusionFraction * Tokens, MidpointRounding.AwayFromZero);
    [JsonIgnore] public int PatternsPerClass => NumLabelRelevant / 2;

    /// <summary>[ours] With random counts, at least this share of draws must have a majority of relevant tokens, so redrawing the
    /// rest (<see cref="DataGenerator"/>) barely changes the law.</summary>
    public const double MinAcceptance = 0.5;

    public void Validate(Validator v, string prefix = "data")
    {
        v.Positive(Dim, $"{prefix}.dim");
        v.Positive(NumPatterns, $"{prefix}.num_patterns");
        v.Require(NumPatterns <= Dim, $"{prefix}.num_patterns", NumPatterns,
            $"must be ≤ data.dim = {Dim} (M orthonormal patterns need d ≥ M)");
        v.Require(NumLabelRelevant >= 2 && NumLabelRelevant % 2 == 0, $"{prefix}.num_label_relevant", NumLabelRelevant,
            "must be an even integer ≥ 2 (K/2 patterns per class)");
        v.Require(NumLabelRelevant < NumPatterns, $"{prefix}.num_label_relevant", NumLabelRelevant,
            $"must be < data.num_patterns = {NumPatterns} (at least one label-irrelevant pattern)");
        v.Positive(Tokens, $"{prefix}.tokens");
        v.Fraction(RelevantFraction, $"{prefix}.relevant_fraction");
        v.Fraction(ConfusionFraction, $"{prefix}.confusion_fraction");
        v.Require(RelevantFraction + ConfusionFraction <= 1, $"{prefix}.relevant_fraction + {prefix}.confusion_fraction",
            RelevantFraction + ConfusionFraction, "must be ≤ 1 (the two fractions share the L tokens)");
        v.Require(RelevantFraction > ConfusionFraction, $"{prefix}.relevant_fraction", RelevantFraction,
            $"must be > data.confusion_fraction = {ConfusionFraction} (the label is the majority vote; the theory needs α* > α#)");
        if (Tokens > 0 && RelevantFraction > ConfusionFraction && TokenCounts == TokenCounts.Fixed)
            v.Require(RelevantTokens > ConfusionTokens, $"{prefix}.relevant_fraction", RelevantFraction,
                $"gives {RelevantTokens} relevant vs {ConfusionTokens} confusion tokens out of L = {Tokens}; need strictly more relevant tokens after rounding (or data.token_counts = \"random\")");
        if (Tokens > 0 && RelevantFraction > ConfusionFraction && TokenCounts == TokenCounts.Random && RelevantFraction + ConfusionFraction <= 1)
        {
            double kept = RandomCountsLaw.Of(this).Acceptance;
            v.Require(kept >= MinAcceptance, $"{prefix}.relevant_fraction", RelevantFraction,
                $"with data.token_counts = \"random\" and L = {Tokens}, only {kept:P1} of draws have more relevant than confusion tokens; " +
                $"need ≥ {MinAcceptance:P0} [ours] (raise the fraction or data.tokens)");
        }
        v.NonNegative(Noise, $"{prefix}.noise");
        v.Require(Noise < 1, $"{prefix}.noise", Noise, "must be < 1 (tokens are noisy copies of unit patterns; the theory wants τ < O(1/M))");
        v.Positive(TrainSamples, $"{prefix}.train_samples");
        v.Require(TrainSamples % 2 == 0, $"{prefix}.train_samples", TrainSamples, "must be even (balanced classes)");
        v.Positive(TestSamples, $"{prefix}.test_samples");
        v.Require(TestSamples % 2 == 0, $"{prefix}.test_samples", TestSamples, "must be even (balanced classes)");
    }
}
