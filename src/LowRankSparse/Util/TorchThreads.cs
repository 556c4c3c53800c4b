using static TorchSharp.torch;

namespace LowRankSparse.Util;

/// <summary>
/// Sets libtorch's intra-op thread count for a block and restores it afterwards: <c>using (TorchThreads.Use(1)) { … }</c>.
/// Scopes open on several worker threads at once share one restore: the count goes back to what it was before the first scope opened
/// only when the last one closes. (libtorch's setting is partly process-wide — MKL's thread count — so a worker that restored it on
/// finishing changed the thread count under a worker still evaluating, and an evaluation's float reductions then differed in their last
/// bits from run to run: measured on a phase grid of quick.json, two identical runs disagreed on test hinge in the 8th digit.)
/// </summary>
public sealed class TorchThreads : IDisposable
{
    private static readonly object Gate = new();
    private static int _open;
    private static int _outer;

    private TorchThreads(int threads)
    {
        lock (Gate)
        {
            if (_open++ == 0) _outer = get_num_threads();
            set_num_threads(threads);   // every time: part of the setting is per OS thread (OpenMP's)
        }
    }

    public static TorchThreads Use(int threads) => new(threads);

    /// <summary>
    /// libtorch's default thread count, read once when this class is first used (before any scope changes it): what a run reports. Not
    /// get_num_threads() at report time: part of the setting is per OS thread (OpenMP's), so a pool thread that once ran a scope of 1 still
    /// reads 1 — two identical runs reported 2 and 1 depending on the thread that wrote their results (ResumeTests).
    /// </summary>
    public static int Outside { get; } = get_num_threads();

    public void Dispose()
    {
        lock (Gate)
            if (--_open == 0 && get_num_threads() != _outer) set_num_threads(_outer);
    }
}
