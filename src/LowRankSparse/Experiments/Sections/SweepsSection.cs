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

    public static SweepsSection Compute(ReproduceOptions options, Action advance, CancellationToken cancel)
    {
        var baseConfig = options.Config;
        var label = new List<LabelRelevantPoint>();
        foreach (var mode in new[] { MixingMode.PerSample, MixingMode.PerToken })
            foreach (int k in options.LabelRelevantCounts)
            {
                var config = baseConfig with { Data = baseConfig.Data with { NumLabelRelevant = k, Mixing = mode } };
                var (metrics, test) = TrainAndMeasure(config, cancel);
                label.Add(new LabelRelevantPoint(k, ModeName(mode),
                    UpdatesSection.AttentionWeights.ToDictionary(w => w, w => metrics[w].GapRank),
                    Predictions.GapRanks(config.Data), test.Accuracy));
                advance();
            }

        var noise = new List<NoisePoint>();
        foreach (double tau in options.NoiseLevels)
        {
            var config = baseConfig with { Data = baseConfig.Data with { Noise = tau } };
            var (metrics, test) = TrainAndMeasure(config, cancel);
            noise.Add(new NoisePoint(tau,
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => 1 - metrics[w].LabelRelevantEnergy),
                1 - metrics["W_Q"].LabelRelevantEnergyOutput!.Value,
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => metrics[w].TopKEnergy[Math.Min(1, metrics[w].TopKEnergy.Length - 1)]),
                test.Accuracy));
            advance();
        }

        var patterns = new List<PatternCountPoint>();
        foreach (int m in options.PatternCounts)
        {
            var config = baseConfig with { Data = baseConfig.Data with { NumPatterns = m, Dim = Math.Max(m, baseConfig.Data.Dim) } };
            var (metrics, test) = TrainAndMeasure(config, cancel);
            patterns.Add(new PatternCountPoint(m, config.Data.Dim,
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => metrics[w].TopKEnergy[1]),
                UpdatesSection.AttentionWeights.ToDictionary(w => w, w => metrics[w].NumericalRank),
                test.Accuracy));
            advance();
        }
        return new SweepsSection(label, noise, patterns);
    }

    public static string ModeName(MixingMode mode) => mode == MixingMode.PerSample ? "per_sample" : "per_token";

    private static (IReadOnlyDictionary<string, UpdateMetrics> Metrics, Evaluation Test) TrainAndMeasure(ExperimentConfig config, CancellationToken cancel)
    {
        using var run = Trainer.Train(config.Validated(), cancel: cancel);
        return (UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns), run.EvaluateTest());
    }
}

/// <summary>Gap rank of ΔW_Q, ΔW_K, ΔW_V for K label-relevant patterns in one mixing mode, with the predicted ranks.</summary>
public sealed record LabelRelevantPoint(int K, string Mode, IReadOnlyDictionary<string, int> Ranks, IReadOnlyDictionary<string, int> Predicted, double TestAccuracy);

/// <summary>Label-irrelevant energy share (1 − label-relevant energy) of each update at noise τ (input side; ΔW_Q also output side).</summary>
public sealed record NoisePoint(double Noise, IReadOnlyDictionary<string, double> IrrelevantEnergy, double IrrelevantEnergyOutputWQ,
    IReadOnlyDictionary<string, double> Top2Energy, double TestAccuracy);

/// <summary>Top-2 energy and 99 %-energy rank of each update for M patterns (d = max(M, base d)).</summary>
public sealed record PatternCountPoint(int NumPatterns, int Dim, IReadOnlyDictionary<string, double> Top2Energy,
    IReadOnlyDictionary<string, int> NumericalRank, double TestAccuracy);
