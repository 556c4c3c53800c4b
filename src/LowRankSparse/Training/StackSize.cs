namespace LowRankSparse.Training;

/// <summary>
/// How many runs one stacked program trains at once: as many as keep the hidden activations (B·L·m per run, the largest tensors of
/// a step) within <see cref="HiddenElementsPerProgram"/>, at least one. Past that, a stacked step costs more per run than a single
/// run's, so a worker trains its runs as several programs one after another. Results do not depend on it: every run's numbers are
/// the bits it gets alone (BatchedTrainingTests).
/// </summary>
internal static class StackSize
{
    /// <summary>
    /// 2¹⁹ hidden values (2 MiB of float32) per program [ours, measured]. Bare fused step, one thread per op, ms per run (scratch timing,
    /// 2026-12-07, quiet machine; bench/README.md): theory config (B·L·m = 655 360 per run) 1.17–1.26 alone, 1.5–2.1 with 2 stacked,
    /// 1.5–2.3 with 3 and 1.6–2.4 with 4; easy config (81 920 per run) 0.36 alone, 0.30–0.33 with 3 to 6 stacked, 0.49 with 10.
    /// </summary>
    public const long HiddenElementsPerProgram = 1L << 19;

    public static int RunsPerProgram(ExperimentConfig c)
    {
        long perRun = (long)c.Training.BatchSize * c.Data.Tokens * c.Model.Neurons;
        return (int)Math.Clamp(HiddenElementsPerProgram / Math.Max(1, perRun), 1, int.MaxValue);
    }
}
