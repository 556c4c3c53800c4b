using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments;

/// <summary>What <c>train</c> writes to results.json (snake_case): the config, accuracy, timing and the low-rank/sparsity metrics.</summary>
public sealed record TrainResults
{
    public required ExperimentConfig Config { get; init; }
    public required double TrainAccuracy { get; init; }
    public required double TestAccuracy { get; init; }
    public required double TestLoss { get; init; }
    public required double TrainLoss { get; init; }
    public required double TrainSeconds { get; init; }
    public required int Steps { get; init; }
    public required double StepsPerSecond { get; init; }
    public required IReadOnlyDictionary<string, UpdateMetrics> Weights { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("w_o_row_norms")]
    public required double[] WORowNorms { get; init; }
    public required double LuckyThreshold { get; init; }
    public required double LuckyFraction { get; init; }
    public required double AttentionOnLabelRelevant { get; init; }
    public required double AttentionOnLabelRelevantInitial { get; init; }
    public required RunInfo Run { get; init; }

    public static TrainResults From(TrainingRun run)
    {
        var test = run.EvaluateTest();
        var train = run.EvaluateTrain();
        var lucky = LuckyNeurons.Of(run.Final, run.Patterns);
        return new TrainResults
        {
            Config = run.Config,
            TrainAccuracy = train.Accuracy,
            TestAccuracy = test.Accuracy,
            TestLoss = test.HingeLoss,
            TrainLoss = train.HingeLoss,
            TrainSeconds = run.TrainSeconds,
            Steps = run.Config.Training.Steps,
            StepsPerSecond = run.TrainSeconds > 0 ? run.Config.Training.Steps / run.TrainSeconds : 0,
            Weights = UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns),
            WORowNorms = lucky.SortedRowNorms,
            LuckyThreshold = lucky.Threshold,
            LuckyFraction = lucky.LuckyFraction,
            AttentionOnLabelRelevant = AttentionMass.OnLabelRelevant(run.Model, run.Test, run.Patterns),
            AttentionOnLabelRelevantInitial = AttentionMass.OnLabelRelevant(run.Model, run.Initial, run.Test, run.Patterns),
            Run = RunInfo.Current(run.Config.Training.Seed),
        };
    }
}
