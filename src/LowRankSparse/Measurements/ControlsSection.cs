using LowRankSparse.Analysis;
using LowRankSparse.Theory;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Measurements;

/// <summary>
/// Settings in which the theory predicts the claims fail, measured like the real run so every verdict can be checked against
/// its control: training from a saturated initial attention (W_Q = W_K = 2·I: the softmax is peaked at the start, its
/// gradients vanish — the low-rank claims fail), from a near-uniform one (W_Q = W_K = 0.01·I: the attention logits and their
/// gradients are ~10⁻⁴ of the default's, so attention cannot concentrate), and the untrained W_O (W(0) read as if trained:
/// lucky neurons must not show). The control runs use the same data, seeds and schedule as the real ones.
/// </summary>
public sealed record ControlsSection(ControlRun Saturated, ControlRun UniformAttention, OutputSparsityMean Untrained)
{
    public const double SaturatedScale = 2, UniformScale = 0.01;

    /// <summary>
    /// The saturated control's κ for a data config [ours]: 1.5 κ_sat (<see cref="Predictions.SaturationScale"/>), at least
    /// <see cref="SaturatedScale"/> — clearly past saturation whatever L and α*: on theory.json κ_sat ≈ 1.98, so the old κ = 2 sat on the boundary
    /// and the "saturated" control learned as well as the real run (issue #24).
    /// </summary>
    public static double SaturatedScaleFor(Data.DataConfig data) => Math.Max(SaturatedScale, 1.5 * Predictions.SaturationScale(data));

    public static int Seeds(IMeasurementOptions options) => Math.Min(options.Seeds, 3);

    /// <summary>
    /// Trains the control runs (the config and first seed of <paramref name="runs"/>, <paramref name="seeds"/> seeds, stacked in
    /// parallel groups) and reads the untrained control off the real runs' W(0).
    /// </summary>
    public static ControlsSection Compute(IReadOnlyList<TrainingRun> runs, int seeds = 2, CancellationToken cancel = default)
    {
        using var threads = TorchThreads.Use(BatchedTrainer.ThreadsPerOp);   // evaluation ops are tiny: one thread per op does not stall under load
        var b = runs[0].Config;
        double saturated = SaturatedScaleFor(b.Data);
        var configs = new[] { saturated, UniformScale }
            .SelectMany(scale => Enumerable.Range(0, seeds).Select(s =>
                SeedRuns.WithSeed(b with { Model = b.Model with { QkInitScale = scale } }, b.Training.Seed + s)))
            .ToList();
        var trained = BatchedTrainer.Train(configs, cancel: cancel);
        try
        {
            return new ControlsSection(
                ControlRun.Of(saturated, trained.Take(seeds).ToList()),
                ControlRun.Of(UniformScale, trained.Skip(seeds).ToList()),
                UntrainedOf(runs));
        }
        finally
        {
            foreach (var run in trained) run.Dispose();
        }
    }

    /// <summary>The untrained control: each run's W(0) read as if it were the trained W_O.</summary>
    public static OutputSparsityMean UntrainedOf(IReadOnlyList<TrainingRun> runs) =>
        OutputSparsityMean.Of(runs.Select(r => OutputSparsity.Of(r.Initial, r.Initial, r.OutputVector, r.Patterns)));
}

/// <summary>A control training run over seeds: its initial attention scale κ, convergence, update analysis and sparsity.</summary>
public sealed record ControlRun(double QkInitScale, double TestLossMean, double TestAccuracyMean, UpdatesSection Updates, OutputSparsityMean Sparsity)
{
    [System.Text.Json.Serialization.JsonIgnore] public Convergence Convergence => new(TestLossMean, TestAccuracyMean);

    public static ControlRun Of(double scale, IReadOnlyList<TrainingRun> runs)
    {
        var metrics = runs.Select(r => UpdateAnalysis.Analyze(r.Initial, r.Final, r.Patterns)).ToList();
        var convergence = Convergence.Of(runs);
        return new ControlRun(scale, convergence.TestLossMean, convergence.TestAccuracyMean, UpdatesSection.Compute(runs, metrics, attentionAtEverySnapshot: false,
                energyRanks: Predictions.GapRanks(runs[0].Config.Data)),
            OutputSparsityMean.Of(runs.Select(r => OutputSparsity.Of(r.Final, r.Initial, r.OutputVector, r.Patterns))));
    }
}

/// <summary><see cref="OutputSparsity"/> averaged over seeds, with each seed's values (the verdicts' intervals are taken over them).</summary>
public sealed record OutputSparsityMean(double LuckyFraction, double Separation, double LuckyAtInitFraction, double LuckyAtInitThatAreLarge,
    double LargeThatWereLuckyAtInit, IReadOnlyList<OutputSparsity> Seeds)
{
    public static OutputSparsityMean Of(IEnumerable<OutputSparsity> perSeed)
    {
        var s = perSeed.ToList();
        return new OutputSparsityMean(Stats.Mean(s.Select(x => x.LuckyFraction)), Stats.Mean(s.Select(x => x.Separation)),
            Stats.Mean(s.Select(x => x.LuckyAtInitFraction)), Stats.Mean(s.Select(x => x.LuckyAtInitThatAreLarge)),
            Stats.Mean(s.Select(x => x.LargeThatWereLuckyAtInit)), s);
    }
}
