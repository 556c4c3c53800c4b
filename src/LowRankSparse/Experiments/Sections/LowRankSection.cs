using LowRankSparse.LowRank;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Experiments.Sections;

/// <summary>
/// The LoRA-style corollary (claim 4): (a) W^(0) + rank-r(ΔW) for W_Q, W_K, W_V, evaluated on the test set, over seeds;
/// (b) training only rank-r adapters on the frozen W^(0) (first seed), against full training at equal steps.
/// </summary>
public sealed record LowRankSection(
    IReadOnlyList<RankPoint> Truncation,
    IReadOnlyList<LoraPoint> Lora,
    double FullTestAccuracy,
    double FullTestLoss)
{
    public static LowRankSection Compute(IReadOnlyList<TrainingRun> runs, ReproduceOptions options, Action advance, CancellationToken cancel)
    {
        // the truncations (one item) and each LoRA rank side by side on the workers (ParallelWork)
        var items = Enumerable.Range(-1, 1 + options.Ranks.Count).ToList();
        var done = ParallelWork.Map(items, (i, stop) => i < 0 ? (object)Truncations(runs, options.Ranks) : TrainLora(runs[0], options.Ranks[i], stop),
            advance, cancel);
        var truncation = (List<RankPoint>)done[0];
        var lora = done.Skip(1).Cast<LoraPoint>().ToList();
        var full = runs[0].EvaluateTest();   // the reference the LoRA adapters (first seed) are compared with
        return new LowRankSection(truncation, lora, full.Accuracy, full.HingeLoss);
    }

    private static List<RankPoint> Truncations(IReadOnlyList<TrainingRun> runs, IReadOnlyList<int> ranks)
    {
        var truncation = new List<RankPoint>();
        foreach (int r in ranks)
        {
            var evals = runs.Select(run => Evaluation.Of(LowRank.Truncation.Apply(run.Initial, run.Final, r), run.OutputVector, run.Test)).ToList();
            truncation.Add(new RankPoint(r, Stats.Mean(evals.Select(e => e.Accuracy)), Stats.Std(evals.Select(e => e.Accuracy)),
                Stats.Mean(evals.Select(e => e.HingeLoss)), Stats.Std(evals.Select(e => e.HingeLoss))));
        }
        return truncation;
    }

    private static LoraPoint TrainLora(TrainingRun run, int r, CancellationToken cancel)
    {
        var result = LoraTraining.Train(run, new LoraConfig(r, Alpha: r), cancel);
        return new LoraPoint(r, result.Alpha, result.Test.Accuracy, result.Test.HingeLoss, result.TrainableParameters);
    }

    public static int Units(ReproduceOptions options) => 1 + options.Ranks.Count;
}

/// <summary>Test accuracy and hinge loss of W^(0) + rank-r(ΔW), mean and std over seeds.</summary>
public sealed record RankPoint(int R, double TestAccuracy, double TestAccuracyStd, double TestLoss, double TestLossStd);

/// <summary>Test accuracy and hinge loss after training rank-r adapters (alpha, trainable parameter count).</summary>
public sealed record LoraPoint(int R, double Alpha, double TestAccuracy, double TestLoss, int TrainableParameters);
