namespace LowRankSparse.Pruning;

/// <summary>
/// Which units go first. Magnitude: smallest norm first (L2 for rows, |w| for single weights); Random: seeded uniform choice;
/// LargestFirst: largest norm first — the adversarial case of the theory.
/// </summary>
public enum PruneMethod { Magnitude, Random, LargestFirst }
