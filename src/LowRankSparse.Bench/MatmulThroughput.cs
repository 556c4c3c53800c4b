using static TorchSharp.torch;

namespace LowRankSparse.Benchmarks;

/// <summary>This machine's float32 matmul throughput (GFLOP/s), measured with a large square matmul: the arithmetic ceiling.</summary>
public static class MatmulThroughput
{
    /// <summary>Seconds of matmuls before the timed ones [ours].</summary>
    public const double WarmUpSeconds = 3.0;

    public static double Gflops(int threads, int size = 1024, int repeats = 5)
    {
        using var useThreads = Util.TorchThreads.Use(threads);
        using var scope = NewDisposeScope();
        var g = new Generator(1);
        var a = randn(size, size, generator: g);
        var b = randn(size, size, generator: g);
        // warm up for three seconds first [ours]: on this VM back-to-back measurements of 5 matmuls gave 52–57 GFLOP/s for the first one
        // or two and 79–86 after (either vCPU, 2026-12-07); after 1 s of warm-up the first still gave 59.5, after 3 s all gave 83–90 —
        // the core speeds up under sustained load, as it is during training
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < WarmUpSeconds)
        {
            using var warm = NewDisposeScope();
            a.mm(b);
        }
        double seconds = Timing.MedianSeconds(repeats, () =>
        {
            using var inner = NewDisposeScope();
            a.mm(b);
        });
        return 2.0 * size * size * size / seconds / 1e9;
    }
}
