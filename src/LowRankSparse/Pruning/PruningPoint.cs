namespace LowRankSparse.Pruning;

/// <summary>Test hinge loss and 0-1 accuracy at one pruning rate: means over seeds/models, with standard deviations.</summary>
public sealed record PruningPoint(double Rate, double TestLoss, double TestAccuracy, double TestLossStd, double TestAccuracyStd);
