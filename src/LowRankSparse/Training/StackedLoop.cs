using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The training loop of one group of stacked runs on the current thread, one libtorch thread per op: SGD steps with outputs
/// logged on the device, a divergence check every 50 steps, snapshots as device copies, progress every 1 % of the steps.
/// Copies the final weights into the setups' models.
/// </summary>
internal static class StackedLoop
{
    private const int DivergenceCheckEvery = 50;

    /// <param name="ComputedFraction">The share of the loop's wall time spent in steps that computed a gradient.</param>
    public sealed record Result(List<Snapshot>[] Snapshots, StepLog Log, int ZeroGradientSteps, double ComputedFraction);

    public static Result Train(IReadOnlyList<TrainingSetup> setups, Action<int>? onStep, CancellationToken cancel)
    {
        using var threads = TorchThreads.Use(BatchedTrainer.ThreadsPerOp);
        var t = setups[0].Config.Training;
        var snapshotAt = new HashSet<int>(t.SnapshotSteps());
        using var sgd = new StackedSgd(setups, cancel);
        using var recorder = new SnapshotRecorder(sgd.Weights.KeyDim, sgd.Weights.ValueDim);
        using var outputs = zeros(Math.Max(t.Steps, 1), setups.Count, t.BatchSize);  // F(X) of every batch sample, [T, S, B]
        int progressEvery = Math.Max(1, t.Steps / 100);

        recorder.Take(0, sgd.Weights);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
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

        double loopSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        var log = StepLog.Of(outputs, sgd.Batches.Labels, t.Steps);
        for (int s = 0; s < setups.Count; s++) sgd.Weights.CopyInto(setups[s].Model, s);
        return new Result(recorder.ToSnapshots(), log, sgd.SkippedSteps, loopSeconds > 0 ? Math.Min(1, sgd.ComputedSeconds / loopSeconds) : 0);
    }
}
