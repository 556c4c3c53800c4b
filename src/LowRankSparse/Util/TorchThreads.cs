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

    /// <summary>libtorch's thread count outside every scope (the one a scope restores): what a run reports as the default, the same whether or
    /// not another thread of the process holds a scope at that moment (get_num_threads() there would be the scope's count).</summary>
    public static int Outside
    {
        get { lock (Gate) return _open > 0 ? _outer : get_num_threads(); }
    }

    public void Dispose()
    {
        lock (Gate)
            if (--_open == 0 && get_num_threads() != _outer) set_num_threads(_outer);
    }
}
