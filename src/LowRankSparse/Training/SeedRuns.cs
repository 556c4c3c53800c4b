using LowRankSparse.Training;

namespace LowRankSparse.Training;

/// <summary>
/// Trains one model per seed (seed, seed + 1, …) as one batched program: the runs behind every band. Each run is bit for bit
/// the run <c>train</c> would give for that seed alone. The caller disposes the runs.
/// </summary>
public static class SeedRuns
{
    public static IReadOnlyList<TrainingRun> Train(ExperimentConfig config, int seeds, Action<int>? onStep = null, CancellationToken cancel = default) =>
        BatchedTrainer.Train(Enumerable.Range(0, seeds).Select(s => WithSeed(config, config.Training.Seed + s)).ToList(), onStep, cancel);

    public static ExperimentConfig WithSeed(ExperimentConfig config, int seed) =>
        config with { Training = config.Training with { Seed = seed } };
}
