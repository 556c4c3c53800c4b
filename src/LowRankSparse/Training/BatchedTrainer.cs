using System.Diagnostics;
using System.Runtime.ExceptionServices;
using LowRankSparse.Config;
using LowRankSparse.Model;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// Trains S independent runs of equal shape (e.g. seeds, or sweep points differing in data, noise or learning rate) as one
/// batched tensor program: weights [S, …], inputs [S, B, L, d], the hand-written <see cref="FusedStep"/>; on a multi-core
/// machine the runs are split into one stacked program per core (<see cref="WorkersFor"/>). Each run gets the snapshots, log
/// and final weights it would get alone, bit for bit: <see cref="Trainer"/> is this code with S = 1.
/// </summary>
public static class BatchedTrainer
{
    private const int DivergenceCheckEvery = 50;

    /// <summary>
    /// libtorch threads per op while training: always one. The ops are tiny (≈ 10⁴–10⁶ elements), so OpenMP's fork and barrier
    /// per op cost about as much as a second thread saves, and on a shared 2-core machine a barrier waiting for a descheduled
    /// thread made steps 10–80× slower. One thread per op also makes every result independent of the host's core count.
    /// </summary>
    public const int ThreadsPerOp = 1;

    /// <summary>
    /// Worker threads for S &gt; 1 stacked runs: the runs are split into this many contiguous groups, each trained as one stacked
    /// program on its own thread (one libtorch thread per op). Parallel over independent groups instead of inside each op: no
    /// barriers, so a busy core slows one group down instead of stalling every op (default config, 10 seeds, quiet machine:
    /// 0.16 ms per seed-step with 2 groups of 5 against 0.16–0.30 ms with one group and 2 threads per op; with one busy
    /// core 0.24 against 0.39 ms). Each run's bits are those of training it alone, whatever the grouping.
    /// </summary>
    public static int WorkersFor(int runs) => Math.Max(1, Math.Min(runs, Environment.ProcessorCount));

    /// <summary>Generates the data and initial model of every config and trains them together.</summary>
    public static IReadOnlyList<TrainingRun> Train(IReadOnlyList<ExperimentConfig> configs, Action<int>? onStep = null,
        CancellationToken cancel = default)
    {
        var setups = new List<TrainingSetup>();
        try
        {
            foreach (var config in configs) setups.Add(TrainingSetup.Create(config));
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
    public static IReadOnlyList<TrainingRun> Run(IReadOnlyList<TrainingSetup> setups, Action<int>? onStep = null,
        CancellationToken cancel = default)
    {
        CheckStackable(setups);
        NativeAllocator.KeepFreedMemory();
        var groups = Split(setups, WorkersFor(setups.Count));
        var clock = Stopwatch.StartNew();
        var trained = TrainInParallel(groups, onStep, cancel);
        clock.Stop();

        var result = new List<TrainingRun>(setups.Count);
        foreach (var (group, g) in groups.Zip(trained))
            for (int s = 0; s < group.Count; s++)
                result.Add(new TrainingRun
                {
                    Config = group[s].Config,
                    Patterns = group[s].Patterns,
                    Train = group[s].Train,
                    Test = group[s].Test,
                    Model = group[s].Model,
                    Snapshots = g.Snapshots[s],
                    Loss = g.Log.Loss[s],
                    BatchAccuracy = g.Log.Accuracy[s],
                    TrainSeconds = clock.Elapsed.TotalSeconds / setups.Count,
                });
        return result;
    }

    private sealed record GroupResult(List<Snapshot>[] Snapshots, StepLog Log);

    /// <summary>Contiguous groups of nearly equal size, in order.</summary>
    private static List<IReadOnlyList<TrainingSetup>> Split(IReadOnlyList<TrainingSetup> setups, int groups)
    {
        var result = new List<IReadOnlyList<TrainingSetup>>();
        for (int g = 0, start = 0; g < groups; g++)
        {
            int size = setups.Count / groups + (g < setups.Count % groups ? 1 : 0);
            result.Add(setups.Skip(start).Take(size).ToList());
            start += size;
        }
        return result;
    }

    /// <summary>
    /// The first group trains on the calling thread (so progress callbacks stay there), the others on their own threads. The first
    /// failure (e.g. a divergence) stops the other groups and is rethrown; cancellation stops all of them.
    /// </summary>
    private static GroupResult[] TrainInParallel(List<IReadOnlyList<TrainingSetup>> groups, Action<int>? onStep, CancellationToken cancel)
    {
        var results = new GroupResult[groups.Count];
        var errors = new Exception?[groups.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        void TrainOne(int g, Action<int>? progress)
        {
            try
            {
                results[g] = TrainGroup(groups[g], progress, stop.Token);
            }
            catch (Exception e)
            {
                errors[g] = e;
                stop.Cancel();
            }
        }

        var workers = Enumerable.Range(1, groups.Count - 1)
            .Select(g => new Thread(() => TrainOne(g, null)) { IsBackground = true, Name = $"LowRankSparse training group {g}" })
            .ToList();
        foreach (var w in workers) w.Start();
        TrainOne(0, onStep);
        foreach (var w in workers) w.Join();

        var failure = errors.FirstOrDefault(e => e is not null and not OperationCanceledException) ?? errors.FirstOrDefault(e => e is not null);
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        return results;
    }

    /// <summary>Trains one group of runs as one stacked program on the current thread; copies the final weights into their models.</summary>
    private static GroupResult TrainGroup(IReadOnlyList<TrainingSetup> setups, Action<int>? onStep, CancellationToken cancel)
    {
        using var threads = TorchThreads.Use(ThreadsPerOp);
        var t = setups[0].Config.Training;
        var snapshotAt = new HashSet<int>(t.SnapshotSteps());
        using var sgd = new StackedSgd(setups);
        using var recorder = new SnapshotRecorder(sgd.Weights.KeyDim, sgd.Weights.ValueDim);
        using var outputs = zeros(Math.Max(t.Steps, 1), setups.Count, t.BatchSize);  // F(X) of every batch sample, [T, S, B]
        int progressEvery = Math.Max(1, t.Steps / 100);

        recorder.Take(0, sgd.Weights);
        for (int step = 0; step < t.Steps; step++)
        {
            cancel.ThrowIfCancellationRequested();
            using (var scope = NewDisposeScope())
            {
                outputs[step].copy_(sgd.Step(step));
            }
            int done = step + 1;
            if (done % DivergenceCheckEvery == 0 || done == t.Steps)
                StepLog.CheckFinite(outputs, sgd.Batches.Labels, (done - 1) / DivergenceCheckEvery * DivergenceCheckEvery, done, setups);
            if (snapshotAt.Contains(done)) recorder.Take(done, sgd.Weights);
            if (onStep is not null && (done % progressEvery == 0 || done == t.Steps)) onStep(done);
        }

        var log = StepLog.Of(outputs, sgd.Batches.Labels, t.Steps);
        for (int s = 0; s < setups.Count; s++) sgd.Weights.CopyInto(setups[s].Model, s);
        return new GroupResult(recorder.ToSnapshots(), log);
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

    private static (int, int, int, int, int, int, int, int) StackKey(ExperimentConfig c) => (c.Data.Dim, c.Data.Tokens, c.Model.Neurons,
        c.Model.KeyDimFor(c.Data.Dim), c.Model.ValueDimFor(c.Data.Dim), c.Training.Steps, c.Training.BatchSize, c.Training.SnapshotEvery);

    private static void CheckStackable(IReadOnlyList<TrainingSetup> setups)
    {
        if (setups.Count == 0) throw new ArgumentException("at least one run is needed");
        var first = setups[0].Config;
        foreach (var s in setups)
        {
            var c = s.Config;
            bool sameShape = c.Data.Dim == first.Data.Dim && c.Data.Tokens == first.Data.Tokens
                && c.Model.Neurons == first.Model.Neurons && c.Model.KeyDimFor(c.Data.Dim) == first.Model.KeyDimFor(first.Data.Dim)
                && c.Model.ValueDimFor(c.Data.Dim) == first.Model.ValueDimFor(first.Data.Dim);
            bool sameSchedule = c.Training.Steps == first.Training.Steps && c.Training.BatchSize == first.Training.BatchSize
                && c.Training.SnapshotEvery == first.Training.SnapshotEvery;
            if (!sameShape || !sameSchedule)
                throw new ArgumentException("runs trained together need equal data.dim, data.tokens, model.neurons, key/value dims, " +
                                            "training.steps, training.batch_size and training.snapshot_every");
        }
    }
}
