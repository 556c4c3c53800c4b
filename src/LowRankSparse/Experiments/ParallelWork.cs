using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Experiments;

/// <summary>
/// The analysis stages of a reproduction (evaluation, spectra, pruning curves, LoRA, sweep measurements) run the way training
/// does: one libtorch thread per op (<see cref="BatchedTrainer.ThreadsPerOp"/>), independent items side by side on up to
/// <see cref="BatchedTrainer.WorkersFor"/> threads. libtorch's two OpenMP threads per op stalled at every barrier when the other
/// core was busy (10–18× slower at load ≈ 7); a busy core now slows one worker instead of every op. Each item runs alone on
/// one thread, so its result is the same bits whichever worker takes it, and the results come back in the items' order.
/// </summary>
public static class ParallelWork
{
    /// <summary>
    /// Maps every item on the workers (each pulls the next unstarted item, so uneven items balance out); the calling thread is one
    /// of them. <paramref name="onItemDone"/> is called once per finished item, one call at a time. The first failure stops the
    /// other workers and is rethrown; <paramref name="cancel"/> or the ambient token stops all of them (the token the items get).
    /// </summary>
    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, Func<T, CancellationToken, TResult> work, Action? onItemDone = null,
        CancellationToken cancel = default)
    {
        var results = new TResult[items.Count];
        if (items.Count == 0) return results;
        int next = -1;
        var gate = new object();
        var workers = Enumerable.Range(0, BatchedTrainer.WorkersFor(items.Count)).Select(w => (IReadOnlyList<int>)new[] { w }).ToList();
        ParallelGroups.Run(workers, (_, _, stop) =>
        {
            using var threads = TorchThreads.Use(BatchedTrainer.ThreadsPerOp);
            for (int i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                stop.ThrowIfCancellationRequested();
                results[i] = work(items[i], stop);
                if (onItemDone is not null)
                    lock (gate) onItemDone();
            }
            return 0;
        }, null, cancel);
        return results;
    }

    /// <summary>The token-taking <c>Map</c> for work that needs no token.</summary>
    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> work, Action? onItemDone = null,
        CancellationToken cancel = default) => Map(items, (item, _) => work(item), onItemDone, cancel);

    /// <summary>Runs <paramref name="work"/> on the calling thread with one libtorch thread per op (the sequential parts of a stage).</summary>
    public static T OneThreadPerOp<T>(Func<T> work)
    {
        using var threads = TorchThreads.Use(BatchedTrainer.ThreadsPerOp);
        return work();
    }
}
