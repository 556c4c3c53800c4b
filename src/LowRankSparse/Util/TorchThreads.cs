using static TorchSharp.torch;

namespace LowRankSparse.Util;

/// <summary>
/// Sets libtorch's intra-op thread count for a block and restores it afterwards: <c>using (TorchThreads.Use(1)) { … }</c>.
/// </summary>
public sealed class TorchThreads : IDisposable
{
    private readonly int _previous;

    private TorchThreads(int threads)
    {
        _previous = get_num_threads();
        if (threads != _previous) set_num_threads(threads);
    }

    public static TorchThreads Use(int threads) => new(threads);

    public void Dispose()
    {
        if (get_num_threads() != _previous) set_num_threads(_previous);
    }
}
