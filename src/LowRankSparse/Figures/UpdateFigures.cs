using System.Globalization;
using LowRankSparse.Measurements;
using LowRankSparse.Util;
using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>Figures of claim 1 (low-rank updates) and of attention concentration.</summary>
public static class UpdateFigures
{
    public static Figure Spectra(UpdatesSection updates, int k, int seeds)
    {
        var table = new DataTable("weight", "index", "singular_value_mean", "singular_value_std");
        var traces = new List<GenericChart>();
        double max = 0, min = double.MaxValue;
        foreach (var name in UpdatesSection.AttentionWeights)
        {
            var w = updates.Weights[name];
            var index = Enumerable.Range(1, w.SingularValuesMean.Length).Select(i => (double)i).ToArray();
            var mean = w.SingularValuesMean.Select(v => Math.Max(v, 1e-12)).ToArray();
            traces.Add(Charts.Band(index, mean, w.SingularValuesStd, name, weight: name));
            for (int i = 0; i < mean.Length; i++) table.Add(name, i + 1, w.SingularValuesMean[i], w.SingularValuesStd[i]);
            max = Math.Max(max, mean.Max());
            min = Math.Min(min, mean.Where(v => v > 1e-9).DefaultIfEmpty(1e-6).Min());
        }
        traces.Add(Charts.VerticalMarker(k + 0.5, min, max, $"theory: {k} dominant values"));
        var top = UpdatesSection.AttentionWeights.Select(n => $"Δ{n} {SeedInterval.ShortOr(updates.Weights[n].TopEnergyBySeed(k), updates.Weights[n].TopKEnergyMean[k - 1])}");
        return new Figure("spectra", "Singular values of the weight updates",
            $"Theory [paper]: ΔW_Q, ΔW_K, ΔW_V have {k} dominant singular values (one per label-relevant pattern). " +
            $"Measured over {seeds} seed(s): top-{k} energy {string.Join(", ", top)} (mean [95 % t-interval]); " +
            SpectrumWords.Gap(UpdatesSection.AttentionWeights.ToDictionary(n => n, n => (IReadOnlyList<double>)updates.Weights[n].SingularValuesMean), k) + ".",
            Charts.Styled(Charts.Combine(traces), "Singular values of ΔW = W(T) − W(0) (mean ± std over seeds)", "index i (descending)", "singular value σᵢ (log scale)", logY: true),
            table);
    }

    public static Figure EnergyVsStep(UpdatesSection updates, int k)
    {
        var table = new DataTable("step", "weight", "top_k_energy_mean", "top_k_energy_std");
        var traces = new List<GenericChart>();
        foreach (var name in UpdatesSection.AttentionWeights)
        {
            var steps = updates.EnergyVsStep.Select(e => (double)e.Step).ToArray();
            var mean = updates.EnergyVsStep.Select(e => e.Mean[name]).ToArray();
            var std = updates.EnergyVsStep.Select(e => e.Std[name]).ToArray();
            traces.Add(Charts.Band(steps, mean, std, name, weight: name));
            foreach (var e in updates.EnergyVsStep) table.Add(e.Step, name, e.Mean[name], e.Std[name]);
        }
        var last = updates.EnergyVsStep[^1];
        return new Figure("energy_vs_step", $"Top-{k} energy of the updates during training",
            $"Theory [paper]: the updates stay concentrated on {k} directions throughout training. Measured: top-{k} energy at step {last.Step} is " +
            string.Join(", ", UpdatesSection.AttentionWeights.Select(n => $"Δ{n} {SeedInterval.ShortOr(last.BySeed[n], last.Mean[n])}")) +
            $" (mean [95 % t-interval] over {last.BySeed[UpdatesSection.AttentionWeights[0]].Length} seeds).",
            Charts.Styled(Charts.Combine(traces), $"Top-{k} energy fraction of W(t) − W(0)", "SGD step t", $"top-{k} energy fraction Σσ²(top {k}) / Σσ²"),
            table);
    }

    public static Figure Attention(UpdatesSection updates)
    {
        var a = updates.AttentionVsStep;
        var table = new DataTable("step", "attention_mass_mean", "attention_mass_std");
        foreach (var p in a) table.Add(p.Step, p.Mean, p.Std);
        var chart = Charts.Band(a.Select(p => (double)p.Step).ToArray(), a.Select(p => p.Mean).ToArray(), a.Select(p => p.Std).ToArray(), "attention on label-relevant keys");
        return new Figure("attention_vs_step", "Attention on label-relevant tokens during training",
            $"Theory [paper, ICLR 2023 sibling]: the total attention a query puts on label-relevant keys grows during training. " +
            $"Measured on the test set: {SeedInterval.ShortOr(a[0].BySeed, a[0].Mean, 3)} at step {a[0].Step} → {SeedInterval.ShortOr(a[^1].BySeed, a[^1].Mean, 3)} at step {a[^1].Step} " +
            $"(mean [95 % t-interval] over {a[^1].BySeed.Length} seeds).",
            Charts.Styled(chart, "Mean attention mass on label-relevant keys", "SGD step t", "attention mass (fraction of 1)"), table);
    }
}
