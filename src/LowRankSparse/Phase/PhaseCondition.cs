using LowRankSparse.Theory;
using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Training;

namespace LowRankSparse.Phase;

/// <summary>
/// A condition of the theorems as a boundary in config space: for each axis it involves, the value at which the condition switches
/// given the rest of the config (<c>At</c>) and on which side it holds. The constants are [ours]: the paper states
/// orders of magnitude (τ &lt; O(1/M), m ≳ M² log N) without constants.
/// </summary>
public sealed record PhaseCondition(string Id, string Text, IReadOnlyDictionary<string, (Func<ExperimentConfig, double> At, bool InsideBelow)> Axes)
{
    /// <summary>[ours] c in τ &lt; c/M.</summary>
    public const double NoiseConstant = 1;
    /// <summary>[ours] c in m ≥ c·M² ln N.</summary>
    public const double WidthConstant = 1;
    /// <summary>[ours] the initial softmax counts as saturated once a label-relevant query puts more than this on the keys of its own pattern.</summary>
    public const double SaturatedAttention = Predictions.SaturatedAttention;

    /// <summary>The sibling's sufficient condition α*/α# ≥ 2e (<see cref="TheoryCondition.SignalRatioBound"/>; [sibling], not ours) along the
    /// α* − α# axis (α# fixed): the boundary gap is (2e − 1)·α#.</summary>
    public static readonly PhaseCondition Majority = new("majority",
        $"α*/α# ≥ 2e ≈ {TheoryCondition.SignalRatioBound:F2} [sibling]: label-relevant tokens outnumber confusion tokens by a constant factor (boundary α* − α# = (2e − 1)·α#)",
        new Dictionary<string, (Func<ExperimentConfig, double>, bool)> { [PhaseAxis.AlphaGap.Name] = (c => (TheoryCondition.SignalRatioBound - 1) * c.Data.ConfusionFraction, false) });

    public static readonly PhaseCondition SmallNoise = new("small_noise", $"τ < c/M with c = {NoiseConstant} [ours] (the theory: τ < O(1/M))",
        new Dictionary<string, (Func<ExperimentConfig, double>, bool)>
        {
            [PhaseAxis.Noise.Name] = (c => NoiseConstant / c.Data.NumPatterns, true),
            [PhaseAxis.Patterns.Name] = (c => c.Data.Noise > 0 ? NoiseConstant / c.Data.Noise : double.PositiveInfinity, true),
        });

    public static readonly PhaseCondition WellConditioned = new("well_conditioned_attention",
        $"κ < κ_sat: the initial attention of a label-relevant query on its own pattern's keys stays below {SaturatedAttention} [ours] (noise-free tokens)",
        new Dictionary<string, (Func<ExperimentConfig, double>, bool)> { [PhaseAxis.QkInitScale.Name] = (c => SaturationScale(c.Data), true) });

    public static readonly PhaseCondition WideEnough = new("wide_enough", $"m ≥ c·M² ln N with c = {WidthConstant} [ours] (the theory: m ≳ M² log N)",
        new Dictionary<string, (Func<ExperimentConfig, double>, bool)>
        {
            [PhaseAxis.Neurons.Name] = (c => WidthConstant * c.Data.NumPatterns * c.Data.NumPatterns * Math.Log(c.Data.TrainSamples), false),
            [PhaseAxis.TrainSamples.Name] = (c => Math.Exp(c.Model.Neurons / (WidthConstant * c.Data.NumPatterns * c.Data.NumPatterns)), true),
        });

    public static readonly IReadOnlyList<PhaseCondition> All = [Majority, SmallNoise, WellConditioned, WideEnough];

    /// <summary>The conditions that involve an axis of the grid.</summary>
    public static IReadOnlyList<PhaseCondition> For(PhaseAxis x, PhaseAxis y) => All.Where(c => c.Axes.ContainsKey(x.Name) || c.Axes.ContainsKey(y.Name)).ToList();

    /// <summary>κ_sat (<see cref="Predictions.SaturationScale"/>).</summary>
    public static double SaturationScale(DataConfig data) => Predictions.SaturationScale(data);

    /// <summary>The initial attention a label-relevant query puts on its own pattern's keys at scale κ (same model as <see cref="SaturationScale"/>).</summary>
    public static double InitialOwnPatternAttention(DataConfig data, double delta)
    {
        int n = Math.Max(1, data.RelevantTokens);
        double e = Math.Exp(delta * delta);
        return n * e / (n * e + data.Tokens - n);
    }

    /// <summary>Whether the cell's config satisfies this condition (judged on every axis it involves).</summary>
    public bool Inside(ExperimentConfig c) => Axes.All(a => Side(a.Key, c) ?? true);

    /// <summary>Inside along one axis (null if the condition does not involve it).</summary>
    public bool? Side(string axis, ExperimentConfig c)
    {
        if (!Axes.TryGetValue(axis, out var a)) return null;
        var ax = PhaseAxis.Named(axis);
        double value = Value(ax, c), t = a.At(c);
        return a.InsideBelow ? value < t : value > t;
    }

    /// <summary>The value of an axis in a config (α* − α# for the gap).</summary>
    public static double Value(PhaseAxis axis, ExperimentConfig c) => axis.Name switch
    {
        "alpha_gap" => c.Data.RelevantFraction - c.Data.ConfusionFraction,
        "noise" => c.Data.Noise,
        "patterns" => c.Data.NumPatterns,
        "qk_init_scale" => c.Model.QkInitScale,
        "learning_rate" => c.Training.LearningRate,
        "neurons" => c.Model.Neurons,
        "train_samples" => c.Data.TrainSamples,
        _ => double.NaN,
    };
}
