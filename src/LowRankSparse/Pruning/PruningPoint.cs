namespace LowRankSparse.Pruning;

/// <summary>Test hinge loss and 0-1 accuracy at one pruning rate: means over seeds/models, with standard deviations.</summary>
public sealed record PruningPoint(double Rate, double TestLoss, double TestAccuracy, double TestLossStd, double TestAccuracyStd)
{
    /// <summary>Each training seed's test hinge loss at this rate (random masks averaged within a seed); empty when not recorded.</summary>
    public double[] TestLossBySeed { get; init; } = [];

    /// <summary>Each training seed's test accuracy at this rate (random masks averaged within a seed); empty when not recorded.</summary>
    public double[] TestAccuracyBySeed { get; init; } = [];
}
