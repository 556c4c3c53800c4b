using System.Diagnostics;
using LowRankSparse.Config;
using LowRankSparse.Model;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// Trains S independent runs of equal shape (e.g. seeds, or sweep points differing in data, noise or learning rate) as one
/// batched tensor program: weights [S, …], inputs [S, B, L, d], the hand-written <see cref="FusedStep"/>. Each run gets the
/// snapshots, log and final weights it would get alone, bit for bit: <see cref="Trainer"/> is this code with S = 1.
/// </summary>
public static class BatchedTrainer
{
    private const int DivergenceCheckEvery = 50;

    /// <summary>
    /// libtorch threads per op while training. The ops are tiny (≈ 10⁴–10⁵ elements), so a second thread buys little and on a
    /// shared 2-core machine costs a lot (OpenMP barriers wait for a descheduled thread: measured 10–50× slower steps under
    /// load). One thread also makes training results independent of the host's core count.
    /// </summary>
    public const int ThreadsPerOp = 1;

    /// <summary>
    /// libtorch threads per op when S &gt; 1 runs are stacked: the ops are S times larger, and a second thread cuts the time per
    /// seed-step by about a third on a quiet 2-core machine (default config, 10 seeds: 0.61 → 0.40 ms). Results stay bit for bit
    /// equal to one-thread single runs (tested): libtorch splits these ops over the stacked and row dimensions, never inside a
    /// reduction. On a heavily shared machine the second thread can cost more than it saves.
    /// </summary>
    public static int BatchedThreadsPerOp { get; } = Math.Min(2, Environment.ProcessorCount);

    public static int ThreadsFor(int runs) => runs > 1 ? BatchedThreadsPerOp : ThreadsPerOp;

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
    /// Each run's <see cref="TrainingRun.TrainSeconds"/> is its share (1/S) of the batched loop's wall time.
    /// </summary>
    public static IReadOnlyList<TrainingRun> Run(IReadOnlyList<TrainingSetup> setups, Action<int>? onStep = null,
        CancellationToken cancel = default)
    {
        CheckStackable(setups);
        NativeAllocator.KeepFreedMemory();
        using var threads = TorchThreads.Use(ThreadsFor(setups.Count));
        var t = setups[0].Config.Training;
        int runs = setups.Count;
        var snapshotAt = new HashSet<int>(t.SnapshotSteps());
        var snapshots = setups.Select(_ => new List<Snapshot>()).ToArray();
        using var sgd = new StackedSgd(setups);
        using var outputs = zeros(Math.Max(t.Steps, 1), runs, t.BatchSize);  // F(X) of every batch sample, [T, S, B]
        int progressEvery = Math.Max(1, t.Steps / 100);

        AddSnapshots(snapshots, 0, sgd.Weights);
        var clock = Stopwatch.StartNew();
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
            if (snapshotAt.Contains(done)) AddSnapshots(snapshots, done, sgd.Weights);
            if (onStep is not null && (done % progressEvery == 0 || done == t.Steps)) onStep(done);
        }
        clock.Stop();

        var log = StepLog.Of(outputs, sgd.Batches.Labels, t.Steps);
        var result = new TrainingRun[runs];
        for (int s = 0; s < runs; s++)
        {
            sgd.Weights.CopyInto(setups[s].Model, s);
            result[s] = new TrainingRun
            {
                Config = setups[s].Config,
                Patterns = setups[s].Patterns,
                Train = setups[s].Train,
                Test = setups[s].Test,
                Model = setups[s].Model,
                Snapshots = snapshots[s],
                Loss = log.Loss[s],
                BatchAccuracy = log.Accuracy[s],
                TrainSeconds = clock.Elapsed.TotalSeconds / runs,
            };
        }
        return result;
    }

    private static void AddSnapshots(List<Snapshot>[] snapshots, int step, StackedWeights weights)
    {
        var host = weights.ToHost();
        for (int s = 0; s < snapshots.Length; s++) snapshots[s].Add(new Snapshot(step, host[s]));
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
