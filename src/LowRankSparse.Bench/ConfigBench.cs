namespace LowRankSparse.Benchmarks;

/// <summary>One named config's measurements (results.json, snake_case). Times are medians over repeats, in milliseconds.</summary>
public sealed record ConfigBench
{
    public required string Name { get; init; }
    public required int Dim { get; init; }
    public required int Tokens { get; init; }
    public required int Neurons { get; init; }
    public required int BatchSize { get; init; }
    public required int Steps { get; init; }
    /// <summary>Full library training (Trainer.Train: log, snapshots, divergence checks), per step.</summary>
    public required double TrainMsPerStep { get; init; }
    public double StepsPerSecond => 1000 / TrainMsPerStep;
    /// <summary>Time per step over the steps that computed a gradient alone: the loop time spent in those steps ÷ their number (the
    /// trainer skips the backward pass and update of a step whose gradient is exactly zero: every hinge inactive).</summary>
    public required double TrainMsPerComputedStep { get; init; }
    /// <summary><see cref="TrainMsPerComputedStep"/> of each timed repeat, in the order they ran (its median is the value above).</summary>
    public IReadOnlyList<double> TrainMsPerComputedStepByRepeat { get; init; } = [];
    /// <summary>Fraction of the single run's steps whose gradient was exactly zero (skipped).</summary>
    public required double ZeroGradientFraction { get; init; }
    /// <summary>The bare fused step split into forward / backward / update, with 1 and with all threads per op.</summary>
    public required IReadOnlyList<StepPhases> Phases { get; init; }
    /// <summary>Per seed-step time when <see cref="BatchedSeeds"/> seeds train together (BatchedTrainer): each group's loop time ÷ its
    /// seeds ÷ all steps, averaged over the seeds.</summary>
    public required double BatchedMsPerSeedStep { get; init; }
    /// <summary>As <see cref="BatchedMsPerSeedStep"/>, over the steps of each seed's stacked group that computed a gradient alone (the
    /// loop time spent in them ÷ their number).</summary>
    public required double BatchedMsPerComputedSeedStep { get; init; }
    /// <summary><see cref="BatchedMsPerComputedSeedStep"/> of each timed repeat, in the order they ran.</summary>
    public IReadOnlyList<double> BatchedMsPerComputedSeedStepByRepeat { get; init; } = [];
    /// <summary>Fraction of the batched seed-steps whose group's gradient was exactly zero (skipped).</summary>
    public required double BatchedZeroGradientFraction { get; init; }
    /// <summary>Peak resident memory the batched training added, per seed (MiB): freed heap memory handed back first, the peak reset
    /// (Linux /proc/self/clear_refs), the first (warm-up) batched run, (peak − resident before) ÷ seeds; null where the peak cannot be reset.</summary>
    public double? PeakMiBPerSeed { get; init; }
    public required int BatchedSeeds { get; init; }
    public required double EvaluationSamplesPerSecond { get; init; }
    /// <summary>SVD and low-rank metrics of the four updates (UpdateAnalysis.Analyze).</summary>
    public required double AnalysisMs { get; init; }
    /// <summary>Everything `train` measures after training (evaluations, analysis, lucky neurons, attention).</summary>
    public required double ResultsMs { get; init; }
    public required double FlopsPerStep { get; init; }
    /// <summary>FLOPs per step ÷ the measured 1-thread matmul throughput: the arithmetic limit of a step.</summary>
    public required double LimitMsPerStep { get; init; }
    public double TimesTheLimit => TrainMsPerStep / LimitMsPerStep;
    public required double PeakRssMiB { get; init; }
    public double? PyTorchMsPerStep { get; init; }
    public double? RatioToPyTorch => PyTorchMsPerStep is double p ? TrainMsPerStep / p : null;
}
