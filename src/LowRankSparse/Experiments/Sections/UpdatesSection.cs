using LowRankSparse.Analysis;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Experiments.Sections;

/// <summary>Low-rank structure of ΔW_Q, ΔW_K, ΔW_V, ΔW_O over the training seeds (claim 1), and its evolution in training
/// (top-K energy over seeds, the first seed's whole spectra at every snapshot).</summary>
public sealed record UpdatesSection(
    IReadOnlyDictionary<string, WeightSummary> Weights,
    IReadOnlyList<EnergyAtStep> EnergyVsStep,
    IReadOnlyList<AttentionAtStep> AttentionVsStep,
    IReadOnlyList<SpectraAtStep> SpectraVsStep)
{
    public static readonly string[] AttentionWeights = { "W_Q", "W_K", "W_V" };

    /// <param name="attentionAtEverySnapshot">False: the attention mass only at the first and the last snapshot (what a verdict reads;
    /// the mass at every snapshot is the costly part).</param>
    public static UpdatesSection Compute(IReadOnlyList<TrainingRun> runs, IReadOnlyList<IReadOnlyDictionary<string, UpdateMetrics>> metrics,
        bool attentionAtEverySnapshot = true)
    {
        var weights = Model.Weights.Names.ToDictionary(name => name, name => WeightSummary.Of(metrics.Select(m => m[name]).ToList()));
        var energy = new List<EnergyAtStep>();
        var attention = new List<AttentionAtStep>();
        var spectra = new List<SpectraAtStep>();
        var steps = runs[0].Snapshots.Select(s => s.Step).ToArray();
        int k = runs[0].Patterns.NumLabelRelevant;
        for (int i = 0; i < steps.Length; i++)
        {
            if (steps[i] > 0)
            {
                var perWeight = AttentionWeights.ToDictionary(name => name, name => runs.Select(r =>
                    Spectrum.Of(Matrices.Subtract(r.Snapshots[i].Weights[name], r.Initial[name]))).ToArray());
                var topK = perWeight.ToDictionary(p => p.Key, p => p.Value.Select(s => s.TopKEnergy(k)).ToArray());
                energy.Add(new EnergyAtStep(steps[i], topK.ToDictionary(p => p.Key, p => Stats.Mean(p.Value)),
                    topK.ToDictionary(p => p.Key, p => Stats.Std(p.Value))));
                spectra.Add(new SpectraAtStep(steps[i], perWeight.ToDictionary(p => p.Key, p => p.Value[0].SingularValues)));
            }
            if (!attentionAtEverySnapshot && i > 0 && i < steps.Length - 1) continue;
            var mass = runs.Select(r => AttentionMass.OnLabelRelevant(r.Model, r.Snapshots[i].Weights, r.Test, r.Patterns)).ToArray();
            attention.Add(new AttentionAtStep(steps[i], Stats.Mean(mass), Stats.Std(mass)));
        }
        return new UpdatesSection(weights, energy, attention, spectra);
    }
}

/// <summary>One weight's update over seeds: mean ± std spectrum, energies and ranks (per seed where they are integers).</summary>
public sealed record WeightSummary(
    double[] SingularValuesMean,
    double[] SingularValuesStd,
    double[] TopKEnergyMean,
    int[] NumericalRank,
    int[] GapRank,
    double StableRankMean,
    double LabelRelevantEnergyMean,
    double? LabelRelevantEnergyOutputMean)
{
    public static WeightSummary Of(IReadOnlyList<UpdateMetrics> perSeed)
    {
        var (svMean, svStd) = Stats.Band(perSeed.Select(m => m.SingularValues).ToList());
        return new WeightSummary(svMean, svStd,
            Stats.Band(perSeed.Select(m => m.TopKEnergy).ToList()).Mean,
            perSeed.Select(m => m.NumericalRank).ToArray(),
            perSeed.Select(m => m.GapRank).ToArray(),
            perSeed.Average(m => m.StableRank),
            perSeed.Average(m => m.LabelRelevantEnergy),
            perSeed[0].LabelRelevantEnergyOutput is null ? null : perSeed.Average(m => m.LabelRelevantEnergyOutput!.Value));
    }
}

/// <summary>Top-K energy (K = number of label-relevant patterns) of W(t) − W(0), mean and std over seeds.</summary>
public sealed record EnergyAtStep(int Step, IReadOnlyDictionary<string, double> Mean, IReadOnlyDictionary<string, double> Std);

/// <summary>The first seed's singular values of W(t) − W(0) for W_Q, W_K, W_V at a training step (descending).</summary>
public sealed record SpectraAtStep(int Step, IReadOnlyDictionary<string, double[]> SingularValues);

/// <summary>Mean attention mass on label-relevant keys (test set) at a training step, mean and std over seeds.</summary>
public sealed record AttentionAtStep(int Step, double Mean, double Std);
