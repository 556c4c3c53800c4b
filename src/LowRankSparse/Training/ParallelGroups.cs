using System.Runtime.ExceptionServices;
using LowRankSparse.Util;

namespace LowRankSparse.Training;

/// <summary>
/// Independent groups of work run side by side, one thread each: the first on the calling thread (so progress callbacks stay
/// there), the others on new threads. The first failure (e.g. a divergence) stops the other groups and is rethrown;
/// cancellation (the given token or <see cref="AmbientCancellation"/>) stops all of them.
/// </summary>
internal static class ParallelGroups
{
    /// <summary>Contiguous groups of nearly equal size, in order.</summary>
    public static List<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> items, int groups)
    {
        var result = new List<IReadOnlyList<T>>();
        for (int g = 0, start = 0; g < groups; g++)
        {
            int size = items.Count / groups + (g < items.Count % groups ? 1 : 0);
            result.Add(items.Skip(start).Take(size).ToList());
            start += size;
        }
        return result;
    }

    /// <param name="work">Runs one group; gets <paramref name="onProgress"/> for the first group only, and the shared stop token.</param>
    public static TResult[] Run<T, TResult>(IReadOnlyList<IReadOnlyList<T>> groups,
        Func<IReadOnlyList<T>, Action<int>?, CancellationToken, TResult> work, Action<int>? onProgress, CancellationToken cancel)
    {
        var results = new TResult[groups.Count];
        var errors = new Exception?[groups.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, AmbientCancellation.Current);   // a notebook interrupt stops every group
        void RunOne(int g, Action<int>? progress)
        {
            try
            {
                results[g] = work(groups[g], progress, stop.Token);
            }
            catch (Exception e)
            {
                errors[g] = e;
                stop.Cancel();
            }
        }

        var workers = Enumerable.Range(1, groups.Count - 1)
            .Select(g => new Thread(() => RunOne(g, null)) { IsBackground = true, Name = $"LowRankSparse group {g}" })
            .ToList();
        foreach (var w in workers) w.Start();
        RunOne(0, onProgress);
        JoinAll(workers, stop);

        var failure = errors.FirstOrDefault(e => e is not null and not OperationCanceledException) ?? errors.FirstOrDefault(e => e is not null);
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        return results;
    }

    /// <summary>
    /// Waits for every worker, even when this thread is interrupted meanwhile (the notebook engine interrupts a cell's thread):
    /// then the groups are told to stop, waited for all the same, and the interrupt is raised again afterwards. Returning
    /// earlier would leave workers running on tensors and a token source that are about to be disposed.
    /// </summary>
    private static void JoinAll(List<Thread> workers, CancellationTokenSource stop)
    {
        bool interrupted = false;
        foreach (var w in workers)
            while (true)
            {
                try
                {
                    w.Join();
                    break;
                }
                catch (ThreadInterruptedException)
                {
                    interrupted = true;
                    stop.Cancel();
                }
            }
        if (interrupted) Thread.CurrentThread.Interrupt();
    }
}
