using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments;

/// <summary>Trains one model per seed (seed, seed + 1, …): the runs behind every band. The caller disposes the runs.</summary>
public static class SeedRuns
{
    public static IReadOnlyList<TrainingRun> Train(ExperimentConfig config, int seeds, Action? onRun = null, CancellationToken cancel = default)
    {
        var runs = new List<TrainingRun>();
        try
        {
            for (int s = 0; s < seeds; s++)
            {
                runs.Add(Trainer.Train(WithSeed(config, config.Training.Seed + s), cancel: cancel));
                onRun?.Invoke();
            }
            return runs;
        }
        catch
        {
            foreach (var run in runs) run.Dispose();
            throw;
        }
    }

    public static ExperimentConfig WithSeed(ExperimentConfig config, int seed) =>
        config with { Training = config.Training with { Seed = seed } };
}
