namespace LowRankSparse.Benchmarks;

/// <summary>What `bench` writes to bench/results.json.</summary>
public sealed record BenchResults
{
    public required DateTime StartedUtc { get; init; }
    public required int ProcessorCount { get; init; }
    public required int TrainingThreadsPerOp { get; init; }
    public required int TorchThreads { get; init; }
    public required double MatmulGflopsOneThread { get; init; }
    public required double MatmulGflopsAllThreads { get; init; }
    public required int Repeats { get; init; }
    /// <summary>"python (torch version)" of the PyTorch comparison, or why it was skipped; null when not requested.</summary>
    public string? PyTorch { get; init; }
    public required IReadOnlyList<ConfigBench> Configs { get; init; }
}
