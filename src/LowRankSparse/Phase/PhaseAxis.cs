using System.Globalization;
using LowRankSparse.Config;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Phase;

/// <summary>
/// One condition of the theory a phase grid can vary: its name, the config field it sets (named in error messages), its symbol,
/// whether it takes integers, and how a value is written into a config. <see cref="AlphaGap"/> sets α* = α# + value, so the
/// confusion fraction stays that of the base config.
/// </summary>
public sealed record PhaseAxis(string Name, string Field, string Symbol, string Label, bool Integer, Func<ExperimentConfig, double, ExperimentConfig> Apply)
{
    public static readonly PhaseAxis AlphaGap = new("alpha_gap", "data.relevant_fraction", "α* − α#", "label-relevant minus confusion fraction α* − α#", false,
        (c, v) => c with { Data = c.Data with { RelevantFraction = c.Data.ConfusionFraction + v } });
    public static readonly PhaseAxis Noise = new("noise", "data.noise", "τ", "token noise τ", false,
        (c, v) => c with { Data = c.Data with { Noise = v } });
    public static readonly PhaseAxis Patterns = new("patterns", "data.num_patterns", "M", "number of patterns M", true,
        (c, v) => c with { Data = c.Data with { NumPatterns = (int)v, Dim = Math.Max((int)v, c.Data.Dim) } });   // d = max(M, d), as the sweeps do
    public static readonly PhaseAxis QkInitScale = new("qk_init_scale", "model.qk_init_scale", "κ", "initial attention scale κ (W_Q = W_K = κ·I)", false,
        (c, v) => c with { Model = c.Model with { QkInitScale = v } });
    public static readonly PhaseAxis LearningRate = new("learning_rate", "training.learning_rate", "η", "learning rate η", false,
        (c, v) => c with { Training = c.Training with { LearningRate = v } });
    public static readonly PhaseAxis Neurons = new("neurons", "model.neurons", "m", "hidden neurons m", true,
        (c, v) => c with { Model = c.Model with { Neurons = (int)v } });
    public static readonly PhaseAxis TrainSamples = new("train_samples", "data.train_samples", "N", "training samples N", true,
        (c, v) => c with { Data = c.Data with { TrainSamples = (int)v } });

    /// <summary>[ours] Values a grid uses when none are given (8 each, around the default config and across the condition's boundary).</summary>
    public IReadOnlyList<double> DefaultValues => Name switch
    {
        "alpha_gap" => Linspace(0.05, 0.4, 8),
        "noise" => Linspace(0, 0.35, 8),
        "patterns" => [3, 4, 6, 8, 10, 12, 14, 16],
        "qk_init_scale" => Linspace(0.25, 2, 8),
        "learning_rate" => [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
        "neurons" => [8, 16, 32, 64, 128, 256, 512, 1024],
        "train_samples" => [64, 128, 256, 512, 1000, 2000, 4000, 8000],
        _ => [],
    };

    public static readonly IReadOnlyList<PhaseAxis> All = [AlphaGap, Noise, Patterns, QkInitScale, LearningRate, Neurons, TrainSamples];

    /// <summary>The axis named <paramref name="name"/> (its name or its config field); <see cref="ConfigException"/> listing the known names otherwise.</summary>
    public static PhaseAxis Named(string name, string option = "axis") =>
        All.FirstOrDefault(a => a.Name == name || a.Field == name && a != AlphaGap)
        ?? throw new ConfigException($"{option} = \"{name}\": unknown axis (known: {string.Join(", ", All.Select(a => a.Name))})");

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/> (rounded for integer axes).</summary>
    public IReadOnlyList<double> Linspace(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => count == 1 ? from : from + (to - from) * i / (count - 1))
            .Select(v => Integer ? Math.Round(v) : Math.Round(v, 10)).ToList();

    public string Format(double value) => Integer ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("G4", CultureInfo.InvariantCulture);
}
