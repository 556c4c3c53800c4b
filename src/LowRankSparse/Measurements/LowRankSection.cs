using LowRankSparse.LowRank;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Measurements;

/// <summary>
/// The LoRA-style corollary (claim 4): (a) W^(0) + rank-r(ΔW) for W_Q, W_K, W_V with the trained W_O, on the test set, over seeds,
/// r = 0 (W(0)'s attention, only the head trained) included — and per part (issue #23): ΔW_Q, ΔW_K truncated with ΔW_V full (the
/// attention part, where the claims are judged), ΔW_V truncated with ΔW_Q, ΔW_K full, and the attention part projected on a random
/// rank-K subspace (the control); (b) training only rank-r adapters on the frozen W_Q^(0), W_K^(0) with W_V and the head frozen at their
/// trained values (first seed), where only the adapters can close the gap; (c) the run that trains W_O alone on the frozen W^(0).
/// </summary>
public sealed record LowRankSection(
    IReadOnlyList<RankPoint> Truncation,
    IReadOnlyList<RankPoint> AttentionTruncation,
    IReadOnlyList<RankPoint> ValueTruncation,
    RankPoint AttentionRandomRankK,
    IReadOnlyList<LoraPoint> Lora,
    LoraPoint OutputOnly,
    double FullTestAccuracy,
    double FullTestLoss,
    double FullTestAccuracyMean,
    double FullTestLossMean)
{
    /// <summary>Rank-K adapters trained on each of the first <see cref="LoraSeeds"/> training seeds (the first is the one in <see cref="Lora"/>):
    /// the LoRA verdict's interval is taken over them, paired by seed with <see cref="FullTestLossBySeed"/> and rank 0 (issue #24).</summary>
    public IReadOnlyList<LoraPoint> LoraAtK { get; init; } = [];

    /// <summary>Each training seed's test hinge loss and accuracy with the full update.</summary>
    public double[] FullTestLossBySeed { get; init; } = [];
    public double[] FullTestAccuracyBySeed { get; init; } = [];

    /// <summary>How many seeds train rank-K adapters [ours]: LoRA trains one model per seed, the costliest part of the stage.</summary>
    public static int LoraSeeds(IMeasurementOptions options) => Math.Min(options.Seeds, 5);

    public static LowRankSection Compute(IReadOnlyList<TrainingRun> runs, IMeasurementOptions options, Action? advance = null,
        CancellationToken cancel = default)
    {
        // the truncations (item −1), each LoRA rank and the head-only run (item Ranks.Count) side by side on the workers (ParallelWork)
        var ranks = RanksOf(options);
        int k = options.Config.Data.NumLabelRelevant;
        int loraSeeds = LoraSeeds(options);
        var items = Enumerable.Range(-4, 5 + ranks.Count + loraSeeds - 1).ToList();
        var atK = new LoraConfig(k, Alpha: k, FrozenHead: true, AttentionOnly: true);
        var done = ParallelWork.Map(items, (i, stop) => i switch
            {
                -4 => Truncations(runs, ranks, LowRank.Truncation.AttentionWeights),
                -3 => Truncations(runs, ranks, LowRank.Truncation.QueryKey),
                -2 => Truncations(runs, ranks, LowRank.Truncation.Value),
                -1 => new[] { RankPoint.Of(k, runs.Select(run =>
                          Evaluation.Of(LowRank.Truncation.ApplyRandom(run.Initial, run.Final, k, LowRank.Truncation.QueryKey, run.Config.InitSeed), run.OutputVector, run.Test))) }.ToList(),
                _ when i > ranks.Count => LoraPoint.Of(LoraTraining.Train(runs[i - ranks.Count], atK, stop)),   // rank K on the other seeds
                _ => (object)LoraPoint.Of(LoraTraining.Train(runs[0], i < ranks.Count
                    ? new LoraConfig(ranks[i], Alpha: ranks[i], FrozenHead: true, AttentionOnly: true) : new LoraConfig(0, Alpha: 0), stop)),
            },
            advance, cancel);
        var lora = done.Skip(4).Take(ranks.Count).Cast<LoraPoint>().ToList();
        var outputOnly = (LoraPoint)done[4 + ranks.Count];
        var loraAtK = lora.Where(x => x.R == k).Concat(done.Skip(5 + ranks.Count).Cast<LoraPoint>()).ToList();
        var full = runs[0].EvaluateTest();   // the reference the LoRA adapters (first seed) are compared with
        var all = runs.Select(r => r.EvaluateTest()).ToList();
        return new LowRankSection((List<RankPoint>)done[0], (List<RankPoint>)done[1], (List<RankPoint>)done[2], ((List<RankPoint>)done[3])[0],
            lora, outputOnly, full.Accuracy, full.HingeLoss, Stats.Mean(all.Select(e => e.Accuracy)), Stats.Mean(all.Select(e => e.HingeLoss)))
        {
            LoraAtK = loraAtK,
            FullTestLossBySeed = all.Select(e => e.HingeLoss).ToArray(),
            FullTestAccuracyBySeed = all.Select(e => e.Accuracy).ToArray(),
        };
    }

    /// <summary>The ranks r of the adaption experiments: the options' ranks and K (the claims are judged at r = K), in order.</summary>
    public static IReadOnlyList<int> RanksOf(IMeasurementOptions options) =>
        options.Ranks.Append(options.Config.Data.NumLabelRelevant).Distinct().Order().ToList();

    /// <summary>W^(0) + rank-r(ΔW) of the weights <paramref name="names"/> (the others as trained), for r = 0 and every rank, over the seeds.</summary>
    private static List<RankPoint> Truncations(IReadOnlyList<TrainingRun> runs, IReadOnlyList<int> ranks, IReadOnlyList<LowRankSparse.Model.Weight> names) =>
        ranks.Prepend(0).Distinct().Select(r => RankPoint.Of(r, runs.Select(run =>
            Evaluation.Of(LowRank.Truncation.Apply(run.Initial, run.Final, r, names), run.OutputVector, run.Test)))).ToList();

    public static int Units(IMeasurementOptions options) => 5 + RanksOf(options).Count + LoraSeeds(options) - 1;
}

/// <summary>Test accuracy and hinge loss of W^(0) + rank-r(ΔW), mean and std over seeds.</summary>
public sealed record RankPoint(int R, double TestAccuracy, double TestAccuracyStd, double TestLoss, double TestLossStd)
{
    /// <summary>Per-seed test hinge with its 95 % interval (null in results written before issue #23).</summary>
    public SeedInterval? TestLossInterval { get; init; }

    /// <summary>Per-seed test accuracy (empty in results written before issue #24).</summary>
    public double[] TestAccuracyBySeed { get; init; } = [];

    public static RankPoint Of(int r, IEnumerable<Evaluation> perSeed)
    {
        var evals = perSeed.ToList();
        return new RankPoint(r, Stats.Mean(evals.Select(e => e.Accuracy)), Stats.Std(evals.Select(e => e.Accuracy)),
            Stats.Mean(evals.Select(e => e.HingeLoss)), Stats.Std(evals.Select(e => e.HingeLoss)))
        { TestLossInterval = SeedInterval.Of(evals.Select(e => e.HingeLoss)), TestAccuracyBySeed = evals.Select(e => e.Accuracy).ToArray() };
    }
}

/// <summary>Test accuracy and hinge loss after training rank-r adapters (alpha, frozen head or not, trainable parameter count).</summary>
public sealed record LoraPoint(int R, double Alpha, bool FrozenHead, double TestAccuracy, double TestLoss, int TrainableParameters)
{
    public static LoraPoint Of(LoraTraining.Result result) =>
        new(result.R, result.Alpha, result.FrozenHead, result.Test.Accuracy, result.Test.HingeLoss, result.TrainableParameters);
}
