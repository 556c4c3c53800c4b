using System.Diagnostics;
using LowRankSparse.Model;
using LowRankSparse.Util;

namespace LowRankSparse.Training;

/// <summary>
/// Trains S independent runs of equal shape (e.g. seeds, or sweep points differing in data, noise or learning rate) as one
/// batched tensor program: weights [S, …], inputs [S, B, L, d], the hand-written <see cref="FusedStep"/>; on a multi-core
/// machine the runs are split into one group per core (<see cref="WorkersFor"/>), and a group larger than
/// <see cref="StackSize.RunsPerProgram"/> trains as several stacked programs one after another. Each run gets the snapshots, log
/// and final weights it would get alone, bit for bit: <see cref="Trainer.Train(ExperimentConfig, Action{int}?, CancellationToken)"/> is this code
/// with S = 1. Plain SGD only (<see cref="Sgd.IsPlain"/>): it skips steps whose gradient is zero, which is exact for plain SGD alone;
/// the tests hold it to <see cref="Trainer.Readable(ExperimentConfig, Sgd?, Action{int}?, CancellationToken)"/>.
/// </summary>
internal static class BatchedTrainer
{
    /// <summary>
    /// libtorch threads per op while training: always one. The ops are tiny (≈ 10⁴–10⁶ elements), so OpenMP's fork and barrier
    /// per op cost about as much as a second thread saves, and on a shared 2-core machine a barrier waiting for a descheduled
    /// thread made steps 10–80× slower. One thread per op also makes every result independent of the host's core count.
    /// </summary>
    public const int ThreadsPerOp = 1;

    /// <summary>
    /// Worker threads for S &gt; 1 stacked runs: the runs are split into this many contiguous groups, each trained as one stacked
    /// program on its own thread (one libtorch thread per op). Parallel over independent groups instead of inside each op: no
    /// barriers, so a busy core slows one group down instead of stalling every op (default config, 10 seeds, ms per seed-step,
    /// quiet machine: 0.16–0.18 with 2 groups of 5 against 0.18–0.38 with one group and 2 threads per op; with one busy core
    /// 0.24–0.28 against 0.39–0.41; bench/README.md). Each run's bits are those of training it alone, whatever the grouping.
    /// </summary>
    public static int WorkersFor(int runs) => Math.Max(1, Math.Min(runs, Environment.ProcessorCount));

    /// <summary>Generates the data and initial model of every config and trains them together.</summary>
    public static IReadOnlyList<TrainingRun> Train(IReadOnlyList<ExperimentConfig> configs, Action<int>? onStep = null,
        CancellationToken cancel = default)
    {
        var setups = new List<TrainingSetup>();
        try
        {
            foreach (var config in configs)
            {
                AmbientCancellation.ThrowIfCancellationRequested(cancel);   // setting up many long runs takes a while: an interrupt stops it too
                setups.Add(TrainingSetup.Create(config));
            }
            return Run(setups, onStep, cancel);
        }
        catch
        {
            foreach (var s in setups) s.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Trains every setup's model in place on its training data; the runs take ownership of the setups' tensors.
    /// <paramref name="onStep"/> is called on the calling thread. Each run's <see cref="TrainingRun.TrainSeconds"/> is its
    /// share (1/S) of the wall time of the training loops.
    /// </summary>
    /// <param name="groups">Stacked programs side by side (default <see cref="WorkersFor"/>); 1 trains every setup as one program on
    /// the calling thread (for callers that run their own workers, e.g. the phase grids).</param>
    public static IReadOnlyList<TrainingRun> Run(IReadOnlyList<TrainingSetup> setups, Action<int>? onStep = null,
        CancellationToken cancel = default, int? groups = null)
    {
        CheckStackable(setups);
        NativeAllocator.KeepFreedMemory();
        var split = ParallelGroups.Split(setups, Math.Clamp(groups ?? WorkersFor(setups.Count), 1, setups.Count));
        int perProgram = StackSize.RunsPerProgram(setups[0].Config);
        var clock = Stopwatch.StartNew();
        var trained = ParallelGroups.Run(split, (group, progress, stop) => TrainInPrograms(group, perProgram, progress, stop), onStep, cancel);
        clock.Stop();

        var result = new List<TrainingRun>(setups.Count);
        foreach (var (group, programs) in split.Zip(trained))
        {
            int s = 0;
            foreach (var (size, g) in programs)
                for (int j = 0; j < size; j++, s++)
                    result.Add(new TrainingRun
                    {
                        Config = group[s].Config,
                        Patterns = group[s].Patterns,
                        Train = group[s].Train,
                        Test = group[s].Test,
                        Model = group[s].Model,
                        Snapshots = g.Snapshots[j],
                        Loss = g.Log.Loss[j],
                        BatchAccuracy = g.Log.Accuracy[j],
                        TrainSeconds = clock.Elapsed.TotalSeconds / setups.Count,
                        ZeroGradientSteps = g.ZeroGradientSteps,
                        ComputedStepSeconds = clock.Elapsed.TotalSeconds / setups.Count * g.ComputedFraction,
                    });
        }
        return result;
    }

    /// <summary>
    /// One worker's runs as stacked programs of at most <paramref name="perProgram"/> runs (<see cref="StackSize"/>), one after another
    /// on this thread; progress goes from 0 to the step count once over all of them.
    /// </summary>
    private static List<(int Size, StackedLoop.Result Result)> TrainInPrograms(IReadOnlyList<TrainingSetup> group, int perProgram,
        Action<int>? onStep, CancellationToken cancel)
    {
        var programs = ParallelGroups.Split(group, (group.Count + perProgram - 1) / perProgram);
        int steps = Math.Max(1, group[0].Config.Training.Steps);
        var results = new List<(int, StackedLoop.Result)>(programs.Count);
        for (int p = 0; p < programs.Count; p++)
        {
            int before = p;
            Action<int>? progress = onStep is null ? null : done => onStep((int)(((long)before * steps + done) / programs.Count));
            results.Add((programs[p].Count, StackedLoop.Train(programs[p], progress, cancel)));
        }
        return results;
    }

    /// <summary>
    /// Trains any list of configs, batching those that can be stacked (same shapes and schedule) and returning the runs in the
    /// order of <paramref name="configs"/>. <paramref name="onRunsDone"/> is called with the number of runs finished so far.
    /// </summary>
    public static IReadOnlyList<TrainingRun> TrainGrouped(IReadOnlyList<ExperimentConfig> configs, Action<int>? onRunsDone = null,
        CancellationToken cancel = default)
    {
        var result = new TrainingRun[configs.Count];
        int done = 0;
        try
        {
            foreach (var group in Enumerable.Range(0, configs.Count).GroupBy(i => StackKey(configs[i])))
            {
                var indices = group.ToArray();
                var runs = Train(indices.Select(i => configs[i]).ToList(), cancel: cancel);
                for (int j = 0; j < indices.Length; j++) result[indices[j]] = runs[j];
                done += indices.Length;
                onRunsDone?.Invoke(done);
            }
            return result;
        }
        catch
        {
            foreach (var run in result) run?.Dispose();
            throw;
        }
    }

    /// <summary>What runs trained together must share: the shapes of data and model, and the schedule.</summary>
    private static (int, int, int, int, int, int, int, int) StackKey(ExperimentConfig c) => (c.Data.Dim, c.Data.Tokens, c.Model.Neurons,
        c.Model.KeyDimFor(c.Data.Dim), c.Model.ValueDimFor(c.Data.Dim), c.Training.Steps, c.Training.BatchSize, c.Training.SnapshotEvery);

    private static void CheckStackable(IReadOnlyList<TrainingSetup> setups)
    {
        if (setups.Count == 0) throw new ArgumentException("at least one run is needed");
        var key = StackKey(setups[0].Config);
        if (setups.Any(s => StackKey(s.Config) != key))
            throw new ArgumentException("runs trained together need equal data.dim, data.tokens, model.neurons, key/value dims, " +
                                        "training.steps, training.batch_size and training.snapshot_every");
    }
}
