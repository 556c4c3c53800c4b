using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Phase;

/// <summary>
/// A phase grid without its base config: the two axes (by name), their values and the seeds per cell. <c>reproduce</c> runs a
/// list of them on its own config (<see cref="ReproduceDefaults"/>, <see cref="ReproduceQuick"/>); <see cref="On"/> makes the grid.
/// </summary>
public sealed record PhaseGridSpec(string X, IReadOnlyList<double> XValues, string Y, IReadOnlyList<double> YValues, int Seeds)
{
    /// <summary>The folder and figure-id stem of the grid, e.g. <c>qk_init_scale-learning_rate</c>.</summary>
    public string Name => $"{X}-{Y}";

    public PhaseGrid On(ExperimentConfig config, double pruneRate = 0.3, double budgetSeconds = double.MaxValue) =>
        new(config, PhaseAxis.Named(X), XValues, PhaseAxis.Named(Y), YValues, Seeds, pruneRate, budgetSeconds);

    /// <summary>
    /// [ours] The four grids of <c>reproduce</c> on the default config, one per condition of the theory, 6 × 6 cells × 3 seeds each (issue #24: ≥ 3 per cell for an interval)
    /// (the <c>phase</c> command draws 8 × 8 × 3 and any other size): well-conditioned attention (κ × η), majority and small
    /// noise (α* − α# × τ), small noise against the number of patterns (τ × M), width against samples (m × N).
    /// </summary>
    public static readonly IReadOnlyList<PhaseGridSpec> ReproduceDefaults =
    [
        new(PhaseAxis.QkInitScale.Name, [0.25, 0.6, 0.95, 1.3, 1.65, 2], PhaseAxis.LearningRate.Name, [0.1, 0.25, 0.5, 1, 2, 4], 3),
        new(PhaseAxis.AlphaGap.Name, [0.05, 0.1, 0.15, 0.2, 0.3, 0.4], PhaseAxis.Noise.Name, [0, 0.05, 0.1, 0.2, 0.3, 0.4], 3),
        new(PhaseAxis.Noise.Name, [0, 0.05, 0.1, 0.2, 0.3, 0.4], PhaseAxis.Patterns.Name, [4, 6, 8, 10, 12, 16], 3),
        new(PhaseAxis.Neurons.Name, [16, 32, 64, 128, 256, 512], PhaseAxis.TrainSamples.Name, [128, 256, 512, 1000, 2000, 4000], 3),
    ];

    /// <summary>[ours] The small grid of <c>reproduce --quick</c>: κ × η, 4 × 4 cells × 3 seeds, across the predicted saturation κ_sat.</summary>
    public static readonly IReadOnlyList<PhaseGridSpec> ReproduceQuick =
    [
        new(PhaseAxis.QkInitScale.Name, [0.25, 0.75, 1.25, 2], PhaseAxis.LearningRate.Name, [0.25, 0.5, 1, 2], 3),
    ];
}
