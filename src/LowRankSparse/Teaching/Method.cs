using LowRankSparse.Pruning;

namespace LowRankSparse.Teaching;

/// <summary>Which neurons a pruning removes first (the notebooks' name for <see cref="PruneMethod"/>).</summary>
public enum Method
{
    /// <summary>The smallest norms first: the paper's magnitude pruning.</summary>
    Magnitude = (int)PruneMethod.Magnitude,
    /// <summary>A seeded uniform choice.</summary>
    Random = (int)PruneMethod.Random,
    /// <summary>The largest norms first: the adversarial case.</summary>
    LargestFirst = (int)PruneMethod.LargestFirst,
}
