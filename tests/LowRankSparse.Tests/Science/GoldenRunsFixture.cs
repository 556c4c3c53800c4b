using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Pruning;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Science;

/// <summary>
/// The default config trained for seeds 0–4 (one batched program) and measured once, for <see cref="GoldenNumberTests"/>:
/// seed 0's update metrics, lucky neurons and magnitude-pruning curve, and every seed's random-pruning curve.
/// </summary>
public sealed class GoldenRunsFixture : IDisposable
{
    public static readonly double[] Rates = { 0, 0.1, 0.2, 0.3, 0.4, 0.5 };
    public const int Seeds = 5;

    public GoldenRunsFixture()
    {
        Config = ConfigLoader.Load(TestPaths.EasyConfig);
        Runs = SeedRuns.Train(Config, Seeds);
        var first = Runs[0];
        Updates = UpdateAnalysis.Analyze(first.Initial, first.Final, first.Patterns);
        Lucky = LuckyNeurons.Of(first.Final, first.Patterns);
        Magnitude = PruningCurves.Compute(new[] { first }, Rates, PruneMethod.Magnitude, PruningCurves.Neurons);
        RandomPerSeed = Runs.Select(r => PruningCurves.Compute(new[] { r }, Rates, PruneMethod.Random, PruningCurves.Neurons)).ToList();
    }

    public ExperimentConfig Config { get; }
    public IReadOnlyList<TrainingRun> Runs { get; }
    public IReadOnlyDictionary<string, UpdateMetrics> Updates { get; }
    public LuckyNeurons Lucky { get; }
    public IReadOnlyList<PruningPoint> Magnitude { get; }
    public IReadOnlyList<IReadOnlyList<PruningPoint>> RandomPerSeed { get; }

    public void Dispose()
    {
        foreach (var run in Runs) run.Dispose();
    }
}
