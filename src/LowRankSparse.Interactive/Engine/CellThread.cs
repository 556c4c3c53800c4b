using System.Collections.Concurrent;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// The thread cells run on: one long-lived thread, so thread-affine state (TorchSharp dispose scopes, grad mode) carries from
/// cell to cell. To stop a cell, <see cref="Interrupt"/> wakes it from Sleep/Wait/Join with a ThreadInterruptedException;
/// a busy loop that never blocks cannot be stopped in .NET, so the engine then abandons this thread and starts a new one.
/// </summary>
internal sealed class CellThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;

    public CellThread()
    {
        _thread = new Thread(Loop, 16 * 1024 * 1024) { IsBackground = true, Name = "notebook cell" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="body"/> on this thread; the task completes when it returns or throws.</summary>
    public Task<T> Run<T>(Func<T> body)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                Thread.Sleep(0);  // absorbs an interrupt aimed at an earlier cell that had already finished
            }
            catch (ThreadInterruptedException)
            {
            }
            try
            {
                done.TrySetResult(body());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return done.Task;
    }

    public void Interrupt() => _thread.Interrupt();

    /// <summary>Stops taking work; a cell still running keeps running (it is a background thread).</summary>
    public void Dispose() => _work.CompleteAdding();

    private void Loop()
    {
        while (true)
        {
            Action item;
            try
            {
                if (!_work.TryTake(out item!, Timeout.Infinite)) return;
            }
            catch (ThreadInterruptedException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            item();
        }
    }
}
