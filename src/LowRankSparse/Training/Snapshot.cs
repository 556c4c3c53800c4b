using LowRankSparse.Model;

namespace LowRankSparse.Training;

/// <summary>Copies of all weights after <see cref="Step"/> SGD steps (step 0 = initialisation).</summary>
public sealed record Snapshot(int Step, Weights Weights);
