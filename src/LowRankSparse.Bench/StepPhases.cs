using System.Diagnostics;
using LowRankSparse.Training;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Benchmarks;

/// <summary>Median milliseconds of the three phases of the fused SGD step (CPU ops are synchronous, so a stopwatch splits them).</summary>
public sealed record StepPhases(int Threads, int Seeds, double ForwardMs, double BackwardMs, double UpdateMs)
{
    public double TotalMs => ForwardMs + BackwardMs + UpdateMs;

    /// <summary>Runs <paramref name="steps"/> bare steps of the setups' models (trained together) with <paramref name="threads"/> threads per op.</summary>
    public static StepPhases Measure(IReadOnlyList<TrainingSetup> setups, int steps, int threads)
    {
        using var useThreads = TorchThreads.Use(threads);
        using var sgd = new StackedSgd(setups);
        int warmUp = Math.Min(20, steps / 5);
        var forward = new List<double>();
        var backward = new List<double>();
        var update = new List<double>();
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            long t0 = Stopwatch.GetTimestamp();
            var f = sgd.Forward(step);
            long t1 = Stopwatch.GetTimestamp();
            var gradients = sgd.Backward(step, f);
            long t2 = Stopwatch.GetTimestamp();
            sgd.Update(gradients);
            long t3 = Stopwatch.GetTimestamp();
            if (step < warmUp) continue;
            forward.Add(Ms(t0, t1));
            backward.Add(Ms(t1, t2));
            update.Add(Ms(t2, t3));
        }
        return new StepPhases(threads, setups.Count, Timing.Median(forward), Timing.Median(backward), Timing.Median(update));
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
