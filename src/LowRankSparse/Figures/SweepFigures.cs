using LowRankSparse.Measurements;
using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>Figures of the sweeps: rank vs K in both mixing modes, label-irrelevant energy vs τ, top-2 energy vs M.</summary>
public static class SweepFigures
{
    public static Figure RankVsK(IReadOnlyList<LabelRelevantPoint> points)
    {
        var table = new DataTable("k", "mode", "weight", "gap_rank", "predicted");
        var panels = new List<Panels.Panel>();
        foreach (var mode in points.Select(p => p.Mode).Distinct())
        {
            var traces = new List<GenericChart>();
            var g = points.Where(p => p.Mode == mode).ToList();
            foreach (var w in UpdatesSection.AttentionWeights)
            {
                traces.Add(Charts.WeightLine(g.Select(p => (double)p.K), g.Select(p => (double)p.Ranks[w]), w, " measured"));
                traces.Add(Charts.Predicted(g.Select(p => (double)p.K), g.Select(p => (double)p.Predicted[w]), w));
                foreach (var p in g) table.Add(p.K, mode, w, p.Ranks[w], p.Predicted[w]);
            }
            panels.Add(new Panels.Panel($"{mode.Replace('_', '-')} mixing", Charts.Axes(Charts.Combine(traces), "number of label-relevant patterns K", "gap rank")));
        }
        int matches = points.Sum(p => UpdatesSection.AttentionWeights.Count(w => p.Ranks[w] == p.Predicted[w]));
        return new Figure("rank_vs_k", "Rank of the updates vs the number of label-relevant patterns K",
            "Theory [ours, docs/paper-notes.md §4.1]: per-sample mixing gives K dominant directions for ΔW_Q and ΔW_K and 2 for ΔW_V; per-token mixing gives 2 for all. " +
            $"Measured gap ranks match the prediction in {matches} of {points.Count * 3} cases." +
            Outside(points.Where(p => p.InsideTheory == false).Select(p => p.K).Distinct().Select(k => $"K = {k}"), "the theorem has K = 2; K > 2 is our generalisation"),
            Panels.Stack(panels, "Gap rank of ΔW (singular values before the largest gap) vs K", columns: panels.Count), table);
    }

    public static Figure Noise(IReadOnlyList<NoisePoint> points)
    {
        var table = new DataTable("noise", "weight", "label_irrelevant_energy_input", "tail_energy");
        var traces = new List<GenericChart>();
        foreach (var w in UpdatesSection.AttentionWeights)
        {
            traces.Add(Charts.WeightLine(points.Select(p => p.Noise), points.Select(p => p.IrrelevantEnergy[w]), w, " input side"));
            foreach (var p in points) table.Add(p.Noise, w, p.IrrelevantEnergy[w], 1 - p.Top2Energy[w]);
        }
        traces.Add(Charts.Line(points.Select(p => p.Noise), points.Select(p => p.IrrelevantEnergyOutputWQ), WeightColors.Label("W_Q") + " output side", WeightColors.Of("W_Q"), dash: StyleParam.DrawingStyle.DashDot));
        return new Figure("noise_sweep", "Label-irrelevant energy vs noise τ",
            "Theory [paper]: the label-irrelevant part of the updates is small and grows with τ. Measured from the smallest to the largest τ: " +
            string.Join("; ", new (string Name, Func<NoisePoint, double> Value)[]
            {
                ("ΔW_Q output side", p => p.IrrelevantEnergyOutputWQ), ("ΔW_K input side", p => p.IrrelevantEnergy["W_K"]),
                ("ΔW_V input side", p => p.IrrelevantEnergy["W_V"]), ("ΔW_Q input side (not a concentrated side)", p => p.IrrelevantEnergy["W_Q"]),
            }.Select(c => $"{c.Name} {Direction(c.Value(points[0]), c.Value(points[^1]))} from {c.Value(points[0]):F3} to {c.Value(points[^1]):F3}")) + "." +
            Outside(points.Where(p => p.InsideTheory == false).Select(p => $"τ = {p.Noise:0.00}"), "τ·M > 1; the verdict judges the levels inside only"),
            Charts.Styled(Charts.Combine(traces), "Share of the update's energy outside the label-relevant span", "noise level τ (‖z‖)", "label-irrelevant energy fraction"), table);
    }

    public static Figure PatternCount(IReadOnlyList<PatternCountPoint> points)
    {
        var table = new DataTable("num_patterns", "dim", "weight", "top2_energy", "rank_at_99_energy");
        var traces = new List<GenericChart>();
        foreach (var w in UpdatesSection.AttentionWeights)
        {
            traces.Add(Charts.WeightLine(points.Select(p => (double)p.NumPatterns), points.Select(p => p.Top2Energy[w]), w));
            foreach (var p in points) table.Add(p.NumPatterns, p.Dim, w, p.Top2Energy[w], p.NumericalRank[w]);
        }
        return new Figure("patterns_sweep", "Top-2 energy vs the number of patterns M",
            "Theory [paper]: the rank is set by the label-relevant patterns, not by M. Measured: the 99 %-energy rank is " +
            string.Join(", ", points.Select(p => $"M={p.NumPatterns}: {string.Join("/", UpdatesSection.AttentionWeights.Select(w => p.NumericalRank[w]))}")) + " (Q/K/V)." +
            Outside(points.Where(p => p.InsideTheory == false).Select(p => $"M = {p.NumPatterns}"), "the theory predicts nothing there"),
            Charts.Styled(Charts.Combine(traces), "Top-2 energy of ΔW vs number of patterns", "number of patterns M", "top-2 energy fraction"), table);
    }

    /// <summary>" K = 4, 6 lie outside the theorem's conditions (why)." for the sweep points outside them; empty when there are none.</summary>
    private static string Outside(IEnumerable<string> points, string why)
    {
        var list = points.ToList();
        return list.Count == 0 ? "" : $" {string.Join(", ", list)} {(list.Count == 1 ? "lies" : "lie")} outside the theorem's conditions ({why}).";
    }

    /// <summary>"grows", "falls" or "stays flat" (within 5 % of the first value) — the word the numbers support.</summary>
    private static string Direction(double first, double last) =>
        Math.Abs(last - first) <= 0.05 * Math.Max(Math.Abs(first), 1e-12) ? "stays flat" : last > first ? "grows" : "falls";
}
