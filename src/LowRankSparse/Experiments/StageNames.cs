namespace LowRankSparse.Experiments;

/// <summary>
/// The stages of a reproduction by their stable names: the keys of results.json's <c>stage_seconds</c> and of the saved stages
/// that <c>--resume</c> reuses. What the progress display shows is a longer label saying what the stage does.
/// </summary>
public static class StageNames
{
    public const string Train = "train seeds";
    public const string PerSeed = "per-seed metrics";
    public const string Updates = "low-rank updates";
    public const string Sparsity = "sparse output layer";
    public const string Pruning = "pruning";
    public const string LowRank = "low-rank adaption";
    public const string Sweeps = "sweeps";
    public const string Controls = "controls";
    /// <summary>Issue #23: the control with W_Q, W_K frozen at W(0), one per training seed.</summary>
    public const string AttentionMatters = "attention matters";
    /// <summary>Issue #16: the real-data experiment on Fashion-MNIST, run only when the dataset is installed.</summary>
    public const string RealData = "real data";
    /// <summary>Issue #15: the phase grids over the theory's conditions.</summary>
    public const string Phase = "phase diagrams";
}
