using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Training;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Benchmarks;

/// <summary>Measures one config: library training speed, the step's phases, batched seeds, evaluation, analysis, memory.</summary>
public static class ConfigBenchmark
{
    public const int BatchedSeeds = 10;

    /// <param name="matmulGflops">This machine's 1-thread float32 matmul throughput (<see cref="MatmulThroughput"/>).</param>
    public static ConfigBench Run(string name, ExperimentConfig config, int repeats, double matmulGflops, Action<string>? status = null)
    {
        status?.Invoke($"{name}: training");
        var trainSeconds = new List<double>();
        var computedSeconds = new List<double>();
        TrainingRun? last = null;
        int steps = Math.Max(1, config.Training.Steps);
        for (int r = 0; r <= repeats; r++)                    // run 0 warms up (JIT, allocator)
        {
            last?.Dispose();
            last = Trainer.Train(config);
            if (r == 0) continue;
            trainSeconds.Add(last.TrainSeconds);
            computedSeconds.Add(last.ComputedStepSeconds * steps / Math.Max(1, steps - last.ZeroGradientSteps));
        }
        using var run = last!;

        status?.Invoke($"{name}: evaluation and analysis");
        double evalSeconds = Timing.MedianSeconds(repeats, () => run.EvaluateTest());
        double analysisSeconds = Timing.MedianSeconds(repeats, () => UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns));
        double resultsSeconds = Timing.MedianSeconds(repeats, () => TrainResults.From(run));

        status?.Invoke($"{name}: step phases");
        var phases = new List<StepPhases>();
        using (var one = TrainingSetup.Create(config))
            foreach (int threads in ThreadCounts())
                phases.Add(StepPhases.Measure(new[] { one }, config.Training.Steps, threads));

        status?.Invoke($"{name}: {BatchedSeeds} seeds batched");
        var seeds = Enumerable.Range(0, BatchedSeeds)
            .Select(s => config with { Training = config.Training with { Seed = config.Training.Seed + s } }).ToList();
        var batched = new List<double>();
        var batchedComputed = new List<double>();
        double zeroFraction = 0;
        double? peakPerSeed = null;
        for (int r = 0; r <= repeats; r++)                    // run 0 warms up (the stacked shapes, the second thread) and gives the peak memory
        {
            double residentBefore = 0;
            bool peakReset = false;
            if (r == 0)
            {
                NativeAllocator.ReleaseFreedMemory();
                residentBefore = ProcessMemory.RssMiB();
                peakReset = ProcessMemory.ResetPeak();
            }
            var runs = BatchedTrainer.Train(seeds);
            if (peakReset) peakPerSeed = (ProcessMemory.PeakRssMiB() - residentBefore) / seeds.Count;
            if (r > 0)
            {
                batched.Add(runs.Average(x => x.TrainSeconds) * 1000 / steps);
                batchedComputed.Add(runs.Average(x => x.ComputedStepSeconds * 1000 / Math.Max(1, steps - x.ZeroGradientSteps)));
                zeroFraction = runs.Average(x => x.ZeroGradientSteps / (double)steps);
            }
            foreach (var x in runs) x.Dispose();
        }
        status?.Invoke($"{name}: {BatchedSeeds} seeds, step phases");
        var stackedSetups = seeds.Select(TrainingSetup.Create).ToList();
        try
        {
            // all seeds as one stacked program, on one thread per op and on all threads (what the trainer's groups replace)
            foreach (int threads in ThreadCounts()) phases.Add(StepPhases.Measure(stackedSetups, config.Training.Steps, threads));
        }
        finally
        {
            foreach (var s in stackedSetups) s.Dispose();
        }

        double flops = FlopCount.Step(config);
        return new ConfigBench
        {
            Name = name,
            Dim = config.Data.Dim,
            Tokens = config.Data.Tokens,
            Neurons = config.Model.Neurons,
            BatchSize = config.Training.BatchSize,
            Steps = config.Training.Steps,
            TrainMsPerStep = Timing.Median(trainSeconds) * 1000 / steps,
            TrainMsPerComputedStep = Timing.Median(computedSeconds) * 1000 / steps,
            TrainMsPerComputedStepByRepeat = computedSeconds.Select(s => s * 1000 / steps).ToList(),
            ZeroGradientFraction = run.ZeroGradientSteps / (double)steps,
            Phases = phases,
            BatchedMsPerSeedStep = Timing.Median(batched),
            BatchedMsPerComputedSeedStep = Timing.Median(batchedComputed),
            BatchedMsPerComputedSeedStepByRepeat = batchedComputed,
            BatchedZeroGradientFraction = zeroFraction,
            PeakMiBPerSeed = peakPerSeed,
            BatchedSeeds = BatchedSeeds,
            EvaluationSamplesPerSecond = run.Test.Count / evalSeconds,
            AnalysisMs = analysisSeconds * 1000,
            ResultsMs = resultsSeconds * 1000,
            FlopsPerStep = flops,
            LimitMsPerStep = flops / (matmulGflops * 1e9) * 1000,
            PeakRssMiB = ProcessMemory.PeakRssMiB(),
        };
    }

    private static IEnumerable<int> ThreadCounts() => new[] { 1, Math.Max(1, Environment.ProcessorCount) }.Distinct();
}
