using LowRankSparse.Benchmarks;
using LowRankSparse.Config;
using LowRankSparse.Training;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Performance;

/// <summary>10 000 training steps keep the process's resident memory flat (opt-in: excluded with --filter "Category!=Long").</summary>
public class LongRunMemoryTests(ITestOutputHelper output)
{
    private const int Steps = 10_000;
    private const double AllowedGrowthMiB = 32;

    [Fact]
    [Trait("Category", "Long")]
    public void Resident_memory_stays_flat_over_ten_thousand_steps()
    {
        var config = ConfigLoader.Load(TestPaths.EasyConfig, new[] { $"training.steps={Steps}", "training.snapshot_every=1000" });
        double start = 0;
        using var run = Trainer.Train(config, done =>
        {
            if (done == Steps / 10) start = ProcessMemory.RssMiB();   // after warm-up: allocator pools and JIT settled
            if (done % 1000 == 0) output.WriteLine($"{done}: RSS {ProcessMemory.RssMiB():F1} MiB, managed {GC.GetTotalMemory(false) / 1048576.0:F1} MiB");
        });
        double end = ProcessMemory.RssMiB();
        output.WriteLine($"RSS after {Steps / 10} steps: {start:F1} MiB; after {Steps} steps: {end:F1} MiB; peak {ProcessMemory.PeakRssMiB():F1} MiB");
        Assert.True(end - start <= AllowedGrowthMiB, $"RSS grew from {start:F1} to {end:F1} MiB");
    }
}
