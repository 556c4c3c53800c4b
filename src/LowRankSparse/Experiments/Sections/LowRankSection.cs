using LowRankSparse.LowRank;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Experiments.Sections;

/// <summary>
/// The LoRA-style corollary (claim 4): (a) W^(0) + rank-r(ΔW) for W_Q, W_K, W_V with the trained W_O, on the test set, over seeds,
/// r = 0 (W(0)'s attention, only the head trained) included; (b) training only rank-r adapters on the frozen W^(0) with the head
/// frozen at the trained W_O^(T) (first seed), where only the adapters can close the gap; (c) the run that trains W_O alone on
/// the frozen W^(0) — on this task it already matches full training, which is why (b) freezes the head.
/// </summary>
public sealed record LowRankSection(
    IReadOnlyList<RankPoint> Truncation,
    IReadOnlyList<LoraPoint> Lora,
    LoraPoint OutputOnly,
    double FullTestAccuracy,
    double FullTestLoss,
    double FullTestAccuracyMean,
    double FullTestLossMean)
{
    public static LowRankSection Compute(IReadOnlyList<TrainingRun> runs, ReproduceOptions options, Action? advance = null,
        CancellationToken cancel = default)
    {
        var truncation = new List<RankPoint>();
        foreach (int r in options.Ranks.Prepend(0).Distinct())
        {
            var evals = runs.Select(run => Evaluation.Of(LowRank.Truncation.Apply(run.Initial, run.Final, r), run.OutputVector, run.Test)).ToList();
            truncation.Add(new RankPoint(r, Stats.Mean(evals.Select(e => e.Accuracy)), Stats.Std(evals.Select(e => e.Accuracy)),
                Stats.Mean(evals.Select(e => e.HingeLoss)), Stats.Std(evals.Select(e => e.HingeLoss))));
        }
        advance?.Invoke();
        var lora = new List<LoraPoint>();
        foreach (int r in options.Ranks)
        {
            lora.Add(LoraPoint.Of(LoraTraining.Train(runs[0], new LoraConfig(r, Alpha: r, FrozenHead: true), cancel)));
            advance?.Invoke();
        }
        var outputOnly = LoraPoint.Of(LoraTraining.Train(runs[0], new LoraConfig(0, Alpha: 0), cancel));
        advance?.Invoke();
        var full = runs[0].EvaluateTest();   // the reference the LoRA adapters (first seed) are compared with
        var all = runs.Select(r => r.EvaluateTest()).ToList();
        return new LowRankSection(truncation, lora, outputOnly, full.Accuracy, full.HingeLoss,
            Stats.Mean(all.Select(e => e.Accuracy)), Stats.Mean(all.Select(e => e.HingeLoss)));
    }

    public static int Units(ReproduceOptions options) => 2 + options.Ranks.Count;
}

/// <summary>Test accuracy and hinge loss of W^(0) + rank-r(ΔW), mean and std over seeds.</summary>
public sealed record RankPoint(int R, double TestAccuracy, double TestAccuracyStd, double TestLoss, double TestLossStd);

/// <summary>Test accuracy and hinge loss after training rank-r adapters (alpha, frozen head or not, trainable parameter count).</summary>
public sealed record LoraPoint(int R, double Alpha, bool FrozenHead, double TestAccuracy, double TestLoss, int TrainableParameters)
{
    public static LoraPoint Of(LoraTraining.Result result) =>
        new(result.R, result.Alpha, result.FrozenHead, result.Test.Accuracy, result.Test.HingeLoss, result.TrainableParameters);
}
