using LowRankSparse.Measurements;
using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>Figures of claim 2 (lucky neurons, sparse W_O).</summary>
public static class SparsityFigures
{
    public static Figure RowNorms(SparsitySection s)
    {
        var rank = Enumerable.Range(1, s.WORowNorms.Length).Select(i => (double)i).ToArray();
        var table = new DataTable("rank", "row_norm_trained", "row_norm_initial");
        for (int i = 0; i < rank.Length; i++) table.Add(i + 1, s.WORowNorms[i], s.WORowNormsInitial[i]);
        var chart = Charts.Combine(new[]
        {
            Charts.Line(rank, s.WORowNorms, "trained W<sub>O</sub>", markers: true),
            Charts.Line(rank, s.WORowNormsInitial, "initial W<sub>O</sub>", markers: false),
            Charts.Line(new[] { 1.0, rank.Length }, new[] { s.Threshold, s.Threshold }, "lucky threshold (Otsu) [ours]", markers: false, dash: StyleParam.DrawingStyle.Dash),
        });
        return new Figure("wo_row_norms", "Sorted row norms of W_O",
            $"Theory [paper]: a constant fraction of neurons (lucky ones) grow large, the rest stay near their initial size. " +
            $"Measured: {s.LuckyFractionMean:P1} ± {s.LuckyFractionStd:P1} of the rows lie above the threshold, their mean norm {s.SeparationMean:F1}× that of the rows below; " +
            $"{s.LargeThatWereLuckyAtInitMean:P0} of the large rows were lucky at initialisation (first seed shown).",
            Charts.Styled(chart, "W<sub>O</sub> row norms, sorted (first seed)", "neuron rank by norm", "‖W<sub>O,i</sub>‖₂ (log scale)", logY: true), table);
    }

    public static Figure Histogram(SparsitySection s)
    {
        var logs = s.WORowNorms.Select(n => Math.Log10(Math.Max(n, 1e-12))).ToArray();
        var table = new DataTable("log10_row_norm");
        foreach (var v in logs) table.Add(v);
        double threshold = Math.Log10(s.Threshold);
        var chart = Charts.Combine(new[]
        {
            Charts.Histogram(logs, "neurons", 30),
            Charts.VerticalMarker(threshold, 0, s.WORowNorms.Length / 4.0, "lucky threshold"),
        });
        return new Figure("wo_histogram", "Histogram of W_O row norms",
            $"Theory [paper]: two groups — large (lucky) and small neurons. Measured: the Otsu threshold at ‖w‖ = {s.Threshold:G3} splits off {s.LuckyFraction[0]:P1} (first seed); " +
            $"the groups' mean norms differ by {s.SeparationMean:F1}× (mean over seeds; an untrained Gaussian W_O gives about 1.5×).",
            Charts.Styled(chart, "Distribution of log₁₀ ‖W<sub>O,i</sub>‖ (first seed)", "log₁₀ row norm", "number of neurons"), table);
    }

    public static Figure Alignment(SparsitySection s, int k)
    {
        var neurons = s.Neurons;
        var table = new DataTable("neuron", "sign_a", "norm", "lucky", "lucky_at_init", "cos_wv_mu1", "cos_wv_mu2");
        foreach (var n in neurons) table.Add(n.Index, n.Sign, n.Norm, n.Lucky, n.LuckyAtInit, n.Alignment[0], n.Alignment.ElementAtOrDefault(k / 2));
        GenericChart Group(Func<NeuronAlignment, bool> pick, string name)
        {
            var g = neurons.Where(pick).ToList();
            return Charts.Points(g.Select(n => n.Alignment[0]), g.Select(n => n.Alignment.ElementAtOrDefault(k / 2)), name,
                g.Select(n => $"neuron {n.Index}, ‖w‖={n.Norm:G3}"));
        }
        var chart = Charts.Combine(new[]
        {
            Group(n => n.Lucky && n.Sign > 0, "lucky, aᵢ > 0"),
            Group(n => n.Lucky && n.Sign < 0, "lucky, aᵢ < 0"),
            Group(n => !n.Lucky, "unlucky"),
        });
        var lucky = neurons.Where(n => n.Lucky).ToList();
        double own = lucky.Count == 0 ? double.NaN : lucky.Average(n => n.Sign > 0 ? n.Alignment[0] : n.Alignment.ElementAtOrDefault(k / 2));
        double lowest = lucky.Count == 0 ? double.NaN : lucky.Min(n => n.Sign > 0 ? n.Alignment[0] : n.Alignment.ElementAtOrDefault(k / 2));
        return new Figure("alignment", "Alignment of neurons with W_V μ₁ and W_V μ₂",
            $"Theory [paper]: lucky neurons align with W_V μ₁ (a_i > 0) or W_V μ₂ (a_i < 0). Measured: the lucky neurons' cosine with their class's direction " +
            $"is {own:F3} on average (lowest {lowest:F3}, first seed); " +
            $"{s.LuckyAtInitThatEndLargeMean:P0} of the neurons lucky at initialisation ended large.",
            Charts.Styled(chart, "Cosine of each W<sub>O</sub> row with W<sub>V</sub> μ₁ and W<sub>V</sub> μ₂ (first seed)", "cos(W<sub>O,i</sub>, W<sub>V</sub> μ₁)", "cos(W<sub>O,i</sub>, W<sub>V</sub> μ₂)"), table);
    }
}
