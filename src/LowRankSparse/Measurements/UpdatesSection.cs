using System.Text.Json.Serialization;
using LowRankSparse.Analysis;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Measurements;

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
    /// <param name="onItemDone">Called once per run (seed) measured; the seeds are measured side by side (<see cref="ParallelWork"/>).</param>
    /// <param name="energyRanks">The k of each weight's top-k energy at every snapshot (the predicted gap rank of each update, issue #24);
    /// K label-relevant patterns for every weight when not given.</param>
    public static UpdatesSection Compute(IReadOnlyList<TrainingRun> runs, IReadOnlyList<IReadOnlyDictionary<string, UpdateMetrics>> metrics,
        bool attentionAtEverySnapshot = true, Action? onItemDone = null, CancellationToken cancel = default,
        IReadOnlyDictionary<string, int>? energyRanks = null)
    {
        var weights = Model.Weights.Names.ToDictionary(name => name, name => WeightSummary.Of(metrics.Select(m => m[name]).ToList()));
        var energy = new List<EnergyAtStep>();
        var attention = new List<AttentionAtStep>();
        var spectra = new List<SpectraAtStep>();
        var steps = runs[0].Snapshots.Select(s => s.Step).ToArray();
        int k = runs[0].Patterns.NumLabelRelevant;
        var perRun = ParallelWork.Map(runs, run => Snapshots(run, steps.Length, attentionAtEverySnapshot), onItemDone, cancel);   // one seed per worker
        for (int i = 0; i < steps.Length; i++)
        {
            if (steps[i] > 0)
            {
                var perWeight = AttentionWeights.ToDictionary(name => name, name => perRun.Select(r => r.Spectra[i]![name]).ToArray());
                var topK = perWeight.ToDictionary(p => p.Key, p => p.Value.Select(s => s.TopKEnergy(energyRanks?[p.Key] ?? k)).ToArray());
                energy.Add(new EnergyAtStep(steps[i], topK.ToDictionary(p => p.Key, p => Stats.Mean(p.Value)),
                    topK.ToDictionary(p => p.Key, p => Stats.Std(p.Value)), topK));
                spectra.Add(new SpectraAtStep(steps[i], perWeight.ToDictionary(p => p.Key, p => p.Value[0].SingularValues)));
            }
            if (!attentionAtEverySnapshot && i > 0 && i < steps.Length - 1) continue;
            var mass = perRun.Select(r => r.Attention[i]).ToArray();
            attention.Add(new AttentionAtStep(steps[i], Stats.Mean(mass), Stats.Std(mass), mass));
        }
        return new UpdatesSection(weights, energy, attention, spectra);
    }

    /// <summary>One run's update spectra (null at step 0) and attention mass on label-relevant keys at each of its snapshots.</summary>
    private static (Dictionary<string, Spectrum>?[] Spectra, double[] Attention) Snapshots(TrainingRun r, int count, bool attentionAtEverySnapshot)
    {
        var spectra = new Dictionary<string, Spectrum>?[count];
        var mass = new double[count];
        for (int i = 0; i < count; i++)
        {
            if (r.Snapshots[i].Step > 0)
                spectra[i] = AttentionWeights.ToDictionary(name => name, name => Spectrum.Of(Matrices.Subtract(r.Snapshots[i].Weights[name], r.Initial[name])));
            if (attentionAtEverySnapshot || i == 0 || i == count - 1)
                mass[i] = AttentionMass.OnLabelRelevant(r.Model, r.Snapshots[i].Weights, r.Test, r.Patterns);
        }
        return (spectra, mass);
    }
}

/// <summary>One weight's update over seeds: mean ± std spectrum, energies and ranks (per seed where they are integers).</summary>
public sealed record WeightSummary(
    double[] SingularValuesMean,
    double[] SingularValuesStd,
    double[] TopKEnergyMean,
    [property: JsonPropertyName("rank_at_99_energy")] int[] NumericalRank,
    int[] GapRank,
    double StableRankMean,
    double LabelRelevantEnergyMean,
    double? LabelRelevantEnergyOutputMean,
    IReadOnlyList<double[]> TopKEnergyBySeed,
    double[] LabelRelevantEnergyBySeed,
    double[]? LabelRelevantEnergyOutputBySeed)
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
            perSeed[0].LabelRelevantEnergyOutput is null ? null : perSeed.Average(m => m.LabelRelevantEnergyOutput!.Value),
            perSeed.Select(m => m.TopKEnergy).ToList(),
            perSeed.Select(m => m.LabelRelevantEnergy).ToArray(),
            perSeed[0].LabelRelevantEnergyOutput is null ? null : perSeed.Select(m => m.LabelRelevantEnergyOutput!.Value).ToArray());
    }

    /// <summary>Top-<paramref name="k"/> energy share of this update in each seed.</summary>
    public double[] TopEnergyBySeed(int k) => TopKEnergyBySeed.Select(e => e[Math.Min(k, e.Length) - 1]).ToArray();
}

/// <summary>Top-k energy of W(t) − W(0), mean and std over seeds and per seed (k = the predicted gap rank of each update: K for ΔW_Q,
/// ΔW_K with per-sample mixing, 2 for ΔW_V — the same as K for K = 2).</summary>
public sealed record EnergyAtStep(int Step, IReadOnlyDictionary<string, double> Mean, IReadOnlyDictionary<string, double> Std,
    IReadOnlyDictionary<string, double[]> BySeed);

/// <summary>The first seed's singular values of W(t) − W(0) for W_Q, W_K, W_V at a training step (descending).</summary>
public sealed record SpectraAtStep(int Step, IReadOnlyDictionary<string, double[]> SingularValues);

/// <summary>Mean attention mass on label-relevant keys (test set) at a training step, mean and std over seeds and per seed.</summary>
public sealed record AttentionAtStep(int Step, double Mean, double Std, double[] BySeed);
