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
    /// <summary>The bare fused step split into forward / backward / update, with 1 and with all threads per op.</summary>
    public required IReadOnlyList<StepPhases> Phases { get; init; }
    /// <summary>Per seed-step time when <see cref="BatchedSeeds"/> seeds train together (BatchedTrainer).</summary>
    public required double BatchedMsPerSeedStep { get; init; }
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
