using System.Globalization;
using LowRankSparse.Measurements;
using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>
/// The claims as they happen during training, one slider position per snapshot (first seed): the spectra of W(t) − W(0)
/// collapsing onto K directions, and the lucky W_O rows separating from the rest.
/// </summary>
public static class EvolutionFigures
{
    public static Figure Spectra(UpdatesSection updates, int k)
    {
        var table = new DataTable("step", "weight", "index", "singular_value");
        var steps = new List<StepSlider.Step>();
        double max = 0, min = double.MaxValue;
        var shown = Distinct(updates.SpectraVsStep, (a, b) => UpdatesSection.AttentionWeights.All(n => a.SingularValues[n].SequenceEqual(b.SingularValues[n])));
        foreach (var at in updates.SpectraVsStep)
        {
            var charts = new List<GenericChart>();
            foreach (var name in UpdatesSection.AttentionWeights)
            {
                var values = at.SingularValues[name];
                var positive = values.Select(v => Math.Max(v, 1e-12)).ToArray();
                charts.Add(Charts.WeightLine(Enumerable.Range(1, values.Length).Select(i => (double)i), positive, name));
                for (int i = 0; i < values.Length; i++) table.Add(at.Step, name, i + 1, values[i]);
                max = Math.Max(max, positive.Max());
                min = Math.Min(min, positive.Where(v => v > 1e-9).DefaultIfEmpty(1e-6).Min());
            }
            if (shown.Contains(at)) steps.Add(new StepSlider.Step(at.Step.ToString(CultureInfo.InvariantCulture), charts));
        }
        var marker = Charts.VerticalMarker(k + 0.5, min, max, $"theory: {k} dominant values");
        var chart = Charts.Styled(StepSlider.Combine(steps, steps.Count - 1, [marker]),
            "Singular values of W(t) − W(0), step by step (first seed)", "index i (descending)", "singular value σᵢ (log scale)", logY: true);
        var first = updates.EnergyVsStep[0];
        var last = updates.EnergyVsStep[^1];
        return new Figure("spectra_vs_step", "The updates' spectra during training",
            $"Theory [paper]: from the start, the updates of W_Q, W_K, W_V grow along {k} directions only. Move the slider " +
            $"(one position per snapshot that differs from the previous one): " +
            $"watch whether the first {k} singular values grow while the rest stay far below. Measured top-{k} energy " +
            $"(mean [95 % t-interval] over seeds) at step {first.Step}: {Energies(first)}; at step {last.Step}: {Energies(last)}; at step {updates.SpectraVsStep[^1].Step} (first seed) " +
            SpectrumWords.Gap(UpdatesSection.AttentionWeights.ToDictionary(n => n, n => (IReadOnlyList<double>)updates.SpectraVsStep[^1].SingularValues[n]), k) + ".",
            StepSlider.WithFixedYRange(chart, Math.Log10(min) - 0.2, Math.Log10(max) + 0.2), table);
    }

    public static Figure RowNorms(SparsitySection s)
    {
        var table = new DataTable("step", "rank", "row_norm", "above_final_threshold");
        var steps = new List<StepSlider.Step>();
        var shown = Distinct(s.RowNormsVsStep, (a, b) => a.RowNorms.SequenceEqual(b.RowNorms));
        foreach (var at in s.RowNormsVsStep)
        {
            var rank = Enumerable.Range(1, at.RowNorms.Length).Select(i => (double)i).ToArray();
            for (int i = 0; i < rank.Length; i++) table.Add(at.Step, i + 1, at.RowNorms[i], at.RowNorms[i] > s.Threshold ? 1 : 0);
            if (shown.Contains(at)) steps.Add(new StepSlider.Step($"{at.Step} ({at.AboveFinalThreshold:P0} above)", [Charts.Line(rank, at.RowNorms, "W<sub>O</sub> row norms", "#1f77b4")]));
        }
        int m = s.RowNormsVsStep[0].RowNorms.Length;
        var threshold = Charts.Line([1.0, m], [s.Threshold, s.Threshold], "final lucky threshold (Otsu) [ours]", markers: false, dash: StyleParam.DrawingStyle.Dash);
        var all = s.RowNormsVsStep.SelectMany(a => a.RowNorms).Where(n => n > 0).DefaultIfEmpty(1).ToArray();
        var chart = Charts.Styled(StepSlider.Combine(steps, steps.Count - 1, [threshold]),
            "Sorted W<sub>O</sub> row norms, step by step (first seed)", "neuron rank by norm", "‖W<sub>O,i</sub>‖₂ (log scale)", logY: true);
        var start = s.RowNormsVsStep[0];
        var end = s.RowNormsVsStep[^1];
        return new Figure("wo_row_norms_vs_step", "The lucky neurons emerge during training",
            $"Theory [paper]: the neurons that were lucky at initialisation grow, the others stay small. Move the slider: the rows " +
            $"above the final threshold go from {start.AboveFinalThreshold:P1} at step {start.Step} to {end.AboveFinalThreshold:P1} at step {end.Step} (first seed).",
            StepSlider.WithFixedYRange(chart, Math.Log10(all.Min()) - 0.2, Math.Log10(all.Max()) + 0.2), table);
    }

    /// <summary>
    /// The snapshots worth a slider position: each one that differs from the one before, and the last. Once the hinge loss of
    /// every batch is 0, SGD stops moving the weights and the remaining snapshots repeat (all of them stay in the CSV).
    /// </summary>
    /// At most <see cref="MaxSliderSteps"/> of them, evenly spread, the first and the last kept: in the theory regime training never
    /// stops, every snapshot differs, and 31 slider positions of 448 row norms made notebook 03 1.36 MB (the CSV keeps every snapshot).
    private static HashSet<T> Distinct<T>(IReadOnlyList<T> snapshots, Func<T, T, bool> same) where T : class
    {
        var moving = snapshots.Where((x, i) => i == 0 || i == snapshots.Count - 1 || !same(x, snapshots[i - 1])).ToList();
        if (moving.Count > MaxSliderSteps)
            moving = Enumerable.Range(0, MaxSliderSteps).Select(j => moving[(int)Math.Round(j * (moving.Count - 1) / (double)(MaxSliderSteps - 1))]).Distinct().ToList();
        return new(moving, ReferenceEqualityComparer.Instance as IEqualityComparer<T>);
    }

    /// <summary>[ours] Slider positions at most, so an executed notebook stays within its size budget.</summary>
    public const int MaxSliderSteps = 9;

    private static string Energies(EnergyAtStep e) =>
        string.Join(", ", UpdatesSection.AttentionWeights.Select(n => $"Δ{n} {Util.SeedInterval.ShortOr(e.BySeed[n], e.Mean[n])}"));
}
