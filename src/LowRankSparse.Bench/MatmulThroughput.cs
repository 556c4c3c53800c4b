using static TorchSharp.torch;

namespace LowRankSparse.Benchmarks;

/// <summary>This machine's float32 matmul throughput (GFLOP/s), measured with a large square matmul: the arithmetic ceiling.</summary>
public static class MatmulThroughput
{
    public static double Gflops(int threads, int size = 1024, int repeats = 5)
    {
        using var useThreads = Util.TorchThreads.Use(threads);
        using var scope = NewDisposeScope();
        var g = new Generator(1);
        var a = randn(size, size, generator: g);
        var b = randn(size, size, generator: g);
        double seconds = Timing.MedianSeconds(repeats, () =>
        {
            using var inner = NewDisposeScope();
            a.mm(b);
        });
        return 2.0 * size * size * size / seconds / 1e9;
    }
}
