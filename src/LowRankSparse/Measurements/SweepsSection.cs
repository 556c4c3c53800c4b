using System.Text.Json.Serialization;
using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Theory;
using LowRankSparse.Training;

namespace LowRankSparse.Measurements;

/// <summary>
/// Sweeps that train each configuration over a few seeds (<see cref="IMeasurementOptions.SweepSeeds"/>): the number of label-relevant patterns K in both
/// mixing modes (gap ranks vs the prediction), the noise level τ (label-irrelevant energy), and the number of patterns M.
/// </summary>
public sealed record SweepsSection(
    IReadOnlyList<LabelRelevantPoint> LabelRelevant,
    IReadOnlyList<NoisePoint> Noise,
    IReadOnlyList<PatternCountPoint> Patterns)
{
    /// <summary>Seeds per sweep point (1 in results written before issue #24).</summary>
    public int Seeds { get; init; } = 1;

    public static int Units(IMeasurementOptions o) => (o.LabelRelevantCounts.Count * 2 + o.NoiseLevels.Count) * o.SweepSeeds + o.PatternCounts.Count;

    /// <summary>
    /// Builds every sweep point's config, each over <see cref="IMeasurementOptions.SweepSeeds"/> seeds (the base seed and the next ones), trains
    /// them all (batched wherever shapes agree), then measures each run and gathers each point's seeds.
    /// </summary>
    public static SweepsSection Compute(IMeasurementOptions options, Action? advance = null, CancellationToken cancel = default)
    {
        var b = options.Config;
        int seeds = options.SweepSeeds;
        var labelPoints = new[] { MixingMode.PerSample, MixingMode.PerToken }
            .SelectMany(mode => options.LabelRelevantCounts.Select(k => (k, mode))).ToList();
        var points = labelPoints.Select(p => b with { Data = b.Data with { NumLabelRelevant = p.k, Mixing = p.mode } })
            .Concat(options.NoiseLevels.Select(tau => b with { Data = b.Data with { Noise = tau } }))
            .Concat(options.PatternCounts.Select(m => b with { Data = b.Data with { NumPatterns = m, Dim = Math.Max(m, b.Data.Dim) } }))
            .Select(c => c.Validated()).ToList();
        // the K and τ sweeps over seeds (their verdicts take intervals); the M sweep (a figure, no verdict) on the first seed
        int judged = labelPoints.Count + options.NoiseLevels.Count;
        var seedsOf = points.Select((_, i) => i < judged ? seeds : 1).ToList();

        // each point's seeds as one stacked program, the points side by side on the workers: a stack that mixes points trains until its
        // slowest point converges (its zero-gradient steps are skipped only when every run's are), so one stack per point is faster
        var perPoint = ParallelWork.Map(Enumerable.Range(0, points.Count).ToList(), (i, stop) =>
        {
            var setups = new List<TrainingSetup>();
            try
            {
                for (int s = 0; s < seedsOf[i]; s++) setups.Add(TrainingSetup.Create(SeedRuns.WithSeed(points[i], points[i].Training.Seed + s)));
                return BatchedTrainer.Run(setups, cancel: stop, groups: 1);
            }
            catch
            {
                foreach (var setup in setups) setup.Dispose();
                throw;
            }
        }, cancel: cancel);
        var runs = perPoint.SelectMany(r => r).ToList();
        try
        {
            var measured = ParallelWork.Map(runs, run => (Metrics: UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns), Test: run.EvaluateTest(), run.Config),
                advance, cancel);   // the sweep runs side by side (ParallelWork)
            var offsets = seedsOf.Select((n, i) => seedsOf.Take(i).Sum()).ToList();   // configs are point-major: each point's seeds together
            var byPoint = offsets.Select((o, i) => measured.Skip(o).Take(seedsOf[i]).ToArray()).ToList();
            string[] qkv = UpdatesSection.AttentionWeights;
            var label = labelPoints.Select((p, i) => byPoint[i]).Select((x, i) => new LabelRelevantPoint(labelPoints[i].k, ModeName(labelPoints[i].mode),
                qkv.ToDictionary(w => w, w => Median(x.Select(r => r.Metrics[w].GapRank))),
                Predictions.GapRanks(x[0].Config.Data), x.Average(r => r.Test.Accuracy), x.Average(r => r.Test.HingeLoss))
                {
                    InsideTheory = TheoryCondition.AllInside(TheoryCondition.Of(x[0].Config)),
                    RanksBySeed = qkv.ToDictionary(w => w, w => x.Select(r => r.Metrics[w].GapRank).ToArray()),
                    TestLossBySeed = x.Select(r => r.Test.HingeLoss).ToArray(),
                }).ToList();
            var noise = byPoint.Skip(labelPoints.Count).Take(options.NoiseLevels.Count).Select(x => new NoisePoint(x[0].Config.Data.Noise,
                qkv.ToDictionary(w => w, w => x.Average(r => 1 - r.Metrics[w].LabelRelevantEnergy)),
                x.Average(r => 1 - r.Metrics["W_Q"].LabelRelevantEnergyOutput!.Value),
                qkv.ToDictionary(w => w, w => x.Average(r => r.Metrics[w].TopKEnergy[Math.Min(1, r.Metrics[w].TopKEnergy.Length - 1)])),
                x.Average(r => r.Test.Accuracy), x.Average(r => r.Test.HingeLoss))
                {
                    InsideTheory = TheoryCondition.AllInside(TheoryCondition.Of(x[0].Config)),
                    ConcentratedIrrelevantBySeed = x.Select(r => ((1 - r.Metrics["W_Q"].LabelRelevantEnergyOutput!.Value) +
                        (1 - r.Metrics["W_K"].LabelRelevantEnergy) + (1 - r.Metrics["W_V"].LabelRelevantEnergy)) / 3).ToArray(),
                    TestLossBySeed = x.Select(r => r.Test.HingeLoss).ToArray(),
                }).ToList();
            var patterns = byPoint.Skip(labelPoints.Count + options.NoiseLevels.Count).Select(x => new PatternCountPoint(
                x[0].Config.Data.NumPatterns, x[0].Config.Data.Dim,
                qkv.ToDictionary(w => w, w => x.Average(r => r.Metrics[w].TopKEnergy[1])),
                qkv.ToDictionary(w => w, w => Median(x.Select(r => r.Metrics[w].NumericalRank))),
                x.Average(r => r.Test.Accuracy)) { InsideTheory = TheoryCondition.AllInside(TheoryCondition.Of(x[0].Config)) }).ToList();
            return new SweepsSection(label, noise, patterns) { Seeds = seeds };
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }
    }

    /// <summary>The middle value of integers over seeds (the lower middle for an even count).</summary>
    private static int Median(IEnumerable<int> values)
    {
        var v = values.Order().ToArray();
        return v[(v.Length - 1) / 2];
    }

    public static string ModeName(MixingMode mode) => mode == MixingMode.PerSample ? "per_sample" : "per_token";
}

/// <summary>Gap rank of ΔW_Q, ΔW_K, ΔW_V for K label-relevant patterns in one mixing mode, with the predicted ranks.</summary>
public sealed record LabelRelevantPoint(int K, string Mode, IReadOnlyDictionary<string, int> Ranks, IReadOnlyDictionary<string, int> Predicted, double TestAccuracy, double TestLoss)
{
    /// <summary>Whether this sweep point's config is inside the theorem's conditions (K &gt; 2 never is: the theorem has K = 2).</summary>
    public bool? InsideTheory { get; init; }

    /// <summary>Each seed's gap ranks (<see cref="Ranks"/> is their median).</summary>
    public IReadOnlyDictionary<string, int[]> RanksBySeed { get; init; } = new Dictionary<string, int[]>();
    public double[] TestLossBySeed { get; init; } = [];
}

/// <summary>Label-irrelevant energy share (1 − label-relevant energy) of each update at noise τ (input side; ΔW_Q also output side).</summary>
public sealed record NoisePoint(double Noise, IReadOnlyDictionary<string, double> IrrelevantEnergy, double IrrelevantEnergyOutputWQ,
    IReadOnlyDictionary<string, double> Top2Energy, double TestAccuracy, double TestLoss)
{
    /// <summary>Whether this noise level's config is inside the theorem's conditions (τ·M ≤ 1 among them).</summary>
    public bool? InsideTheory { get; init; }

    /// <summary>Each seed's <see cref="ConcentratedIrrelevantEnergy"/>.</summary>
    public double[] ConcentratedIrrelevantBySeed { get; init; } = [];
    public double[] TestLossBySeed { get; init; } = [];

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
