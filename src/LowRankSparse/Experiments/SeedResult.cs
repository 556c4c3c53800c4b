using LowRankSparse.Analysis;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments;

/// <summary>One training seed of a reproduction: its test accuracy and hinge loss and the metrics of each update.</summary>
public sealed record SeedResult(int Seed, double TestAccuracy, double TestLoss, double LuckyFraction, IReadOnlyDictionary<string, UpdateMetrics> Weights)
{
    public static SeedResult Of(TrainingRun run)
    {
        var test = run.EvaluateTest();
        return new SeedResult(run.Config.Training.Seed, test.Accuracy, test.HingeLoss, LuckyNeurons.Of(run.Final, run.Patterns).LuckyFraction,
            UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns));
    }
}
