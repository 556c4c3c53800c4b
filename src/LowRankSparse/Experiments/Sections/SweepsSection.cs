using System.Text.Json.Serialization;
using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Theory;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments.Sections;

/// <summary>
/// Sweeps that each train one model per configuration (first seed): the number of label-relevant patterns K in both
/// mixing modes (gap ranks vs the prediction), the noise level τ (label-irrelevant energy), and the number of patterns M.
/// </summary>
public sealed record SweepsSection(
    IReadOnlyList<LabelRelevantPoint> LabelRelevant,
    IReadOnlyList<NoisePoint> Noise,
    IReadOnlyList<PatternCountPoint> Patterns)
{
    public static int Units(ReproduceOptions o) => o.LabelRelevantCounts.Count * 2 + o.NoiseLevels.Count + o.PatternCounts.Count;

    /// <summary>Builds every sweep point's config, trains them all (batched wherever shapes agree), then measures each.</summary>
    public static SweepsSection Compute(ReproduceOptions options, Action? advance = null, CancellationToken cancel = default)
    {
        var b = options.Config;
        var labelPoints = new[] { MixingMode.PerSample, MixingMode.PerToken }
            .SelectMany(mode => options.LabelRelevantCounts.Select(k => (k, mode))).ToList();
        var configs = labelPoints.Select(p => b with { Data = b.Data with { NumLabelRelevant = p.k, Mixing = p.mode } })
            .Concat(options.NoiseLevels.Select(tau => b with { Data = b.Data with { Noise = tau } }))
            .Concat(options.PatternCounts.Select(m => b with { Data = b.Data with { NumPatterns = m, Dim = Math.Max(m, b.Data.Dim) } }))
            .Select(c => c.Validated()).ToList();

        var runs = BatchedTrainer.TrainGrouped(configs, cancel: cancel);
        try
        {
            var measured = ParallelWork.Map(runs, run => (Metrics: UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns), Test: run.EvaluateTest(), run.Config),
                advance, cancel);   // the sweep points side by side (ParallelWork)
            var label = labelPoints.Select((p, i) => new LabelRelevantPoint(p.k, ModeName(p.mode),
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => measured[i].Metrics[w].GapRank),
                Predictions.GapRanks(measured[i].Config.Data), measured[i].Test.Accuracy, measured[i].Test.HingeLoss)
                { InsideTheory = TheoryCondition.AllInside(TheoryCondition.Of(measured[i].Config)) }).ToList();
            var noise = measured.Skip(labelPoints.Count).Take(options.NoiseLevels.Count).Select(x => new NoisePoint(x.Config.Data.Noise,
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => 1 - x.Metrics[w].LabelRelevantEnergy),
                1 - x.Metrics["W_Q"].LabelRelevantEnergyOutput!.Value,
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => x.Metrics[w].TopKEnergy[Math.Min(1, x.Metrics[w].TopKEnergy.Length - 1)]),
                x.Test.Accuracy, x.Test.HingeLoss) { InsideTheory = TheoryCondition.AllInside(TheoryCondition.Of(x.Config)) }).ToList();
            var patterns = measured.Skip(labelPoints.Count + options.NoiseLevels.Count).Select(x => new PatternCountPoint(
                x.Config.Data.NumPatterns, x.Config.Data.Dim,
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => x.Metrics[w].TopKEnergy[1]),
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => x.Metrics[w].NumericalRank),
                x.Test.Accuracy) { InsideTheory = TheoryCondition.AllInside(TheoryCondition.Of(x.Config)) }).ToList();
            return new SweepsSection(label, noise, patterns);
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }
    }

    public static string ModeName(MixingMode mode) => mode == MixingMode.PerSample ? "per_sample" : "per_token";
}

/// <summary>Gap rank of ΔW_Q, ΔW_K, ΔW_V for K label-relevant patterns in one mixing mode, with the predicted ranks.</summary>
public sealed record LabelRelevantPoint(int K, string Mode, IReadOnlyDictionary<string, int> Ranks, IReadOnlyDictionary<string, int> Predicted, double TestAccuracy, double TestLoss)
{
    /// <summary>Whether this sweep point's config is inside the theorem's conditions (K &gt; 2 never is: the theorem has K = 2).</summary>
    public bool? InsideTheory { get; init; }
}

/// <summary>Label-irrelevant energy share (1 − label-relevant energy) of each update at noise τ (input side; ΔW_Q also output side).</summary>
public sealed record NoisePoint(double Noise, IReadOnlyDictionary<string, double> IrrelevantEnergy, double IrrelevantEnergyOutputWQ,
    IReadOnlyDictionary<string, double> Top2Energy, double TestAccuracy, double TestLoss)
{
    /// <summary>Whether this noise level's config is inside the theorem's conditions (τ·M ≤ 1 among them).</summary>
    public bool? InsideTheory { get; init; }

    /// <summary>Label-irrelevant energy on the sides the updates concentrate on: ΔW_Q output, ΔW_K and ΔW_V input (mean of the three).</summary>
    public double ConcentratedIrrelevantEnergy => (IrrelevantEnergyOutputWQ + IrrelevantEnergy["W_K"] + IrrelevantEnergy["W_V"]) / 3;
}

/// <summary>Top-2 energy and 99 %-energy rank of each update for M patterns (d = max(M, base d)).</summary>
public sealed record PatternCountPoint(int NumPatterns, int Dim, IReadOnlyDictionary<string, double> Top2Energy,
    [property: JsonPropertyName("rank_at_99_energy")] IReadOnlyDictionary<string, int> NumericalRank, double TestAccuracy)
{
    /// <summary>Whether this M's config is inside the theorem's conditions (the width condition m ≥ M² ln N among them).</summary>
    public bool? InsideTheory { get; init; }
}
