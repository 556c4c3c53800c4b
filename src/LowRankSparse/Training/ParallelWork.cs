using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Training;

/// <summary>
/// The analysis stages of a reproduction (evaluation, spectra, pruning curves, LoRA, sweep measurements) run the way training
/// does: one libtorch thread per op (<see cref="BatchedTrainer.ThreadsPerOp"/>), independent items side by side on up to
/// <see cref="BatchedTrainer.WorkersFor"/> threads. libtorch's two OpenMP threads per op stalled at every barrier when the other
/// core was busy (10–18× slower at load ≈ 7); a busy core now slows one worker instead of every op. Each item runs alone on
/// one thread, so its result is the same bits whichever worker takes it, and the results come back in the items' order.
/// </summary>
public static class ParallelWork
{
    /// <summary>True on a thread that is one of <see cref="Map{T, TResult}(IReadOnlyList{T}, Func{T, CancellationToken, TResult}, Action?, CancellationToken)"/>'s workers.</summary>
    [ThreadStatic] private static bool _onWorker;

    /// <summary>
    /// A <c>Map</c> called from inside a worker (e.g. a phase-grid cell measuring its seeds) runs its items on that worker, in
    /// order: the workers already keep every core busy, and more threads would only make a busy core stall more of them.
    /// </summary>
    public static bool OnWorker => _onWorker;

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
        if (_onWorker)
        {
            var token = CancellationTokenSource.CreateLinkedTokenSource(cancel, AmbientCancellation.Current);
            using (token)
                for (int i = 0; i < items.Count; i++)
                {
                    token.Token.ThrowIfCancellationRequested();
                    results[i] = work(items[i], token.Token);
                    onItemDone?.Invoke();
                }
            return results;
        }
        int next = -1;
        var gate = new object();
        var workers = Enumerable.Range(0, BatchedTrainer.WorkersFor(items.Count)).Select(w => (IReadOnlyList<int>)new[] { w }).ToList();
        ParallelGroups.Run(workers, (_, _, stop) =>
        {
            using var threads = TorchThreads.Use(BatchedTrainer.ThreadsPerOp);
            _onWorker = true;
            try
            {
                for (int i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
                {
                    stop.ThrowIfCancellationRequested();
                    results[i] = work(items[i], stop);
                    if (onItemDone is not null)
                        lock (gate) onItemDone();
                }
            }
            finally
            {
                _onWorker = false;
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
