using LowRankSparse.Experiments.Sections;
using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>Figure of claim 4 (rank-r truncation and LoRA adapters).</summary>
public static class LowRankFigures
{
    private const string Truncated = "#1f77b4", Lora = "#d62728", Full = "#7f7f7f", Theory = "#9467bd";

    public static Figure Adaption(LowRankSection l, int k)
    {
        var table = new DataTable("method", "r", "test_accuracy", "test_loss");
        foreach (var t in l.Truncation) table.Add("truncation", t.R, t.TestAccuracy, t.TestLoss);
        foreach (var t in l.Lora) table.Add("lora", t.R, t.TestAccuracy, t.TestLoss);
        var rs = l.Truncation.Select(t => (double)t.R).ToArray();
        double maxLoss = Math.Max(l.Truncation.Max(t => t.TestLoss), 1e-3);
        var accuracy = Charts.Combine(new[]
        {
            Charts.Band(rs, l.Truncation.Select(t => t.TestAccuracy).ToArray(), l.Truncation.Select(t => t.TestAccuracyStd).ToArray(), "W(0) + rank-r(ΔW)", Truncated),
            Charts.Line(l.Lora.Select(t => (double)t.R), l.Lora.Select(t => t.TestAccuracy), "LoRA adapters, rank r (first seed)", Lora),
            Charts.Line(new[] { rs.Min(), rs.Max() }, new[] { l.FullTestAccuracy, l.FullTestAccuracy }, "full training", Full, markers: false),
            Charts.Line(new[] { (double)k, k }, new[] { 0, 1.02 }, $"theory: r = {k} suffices", Theory, markers: false, dash: StyleParam.DrawingStyle.Dash),
        });
        var loss = Charts.Combine(new[]
        {
            Charts.Line(rs, l.Truncation.Select(t => t.TestLoss), "W(0) + rank-r(ΔW)", Truncated),
            Charts.Line(new[] { (double)k, k }, new[] { 0, maxLoss }, $"theory: r = {k} suffices", Theory, markers: false, dash: StyleParam.DrawingStyle.Dash),
        });
        var chart = Panels.Stack(new Panels.Panel[]
        {
            new("test accuracy", Charts.Axes(accuracy, "rank r", "test accuracy (fraction)")),
            new("test hinge loss", Charts.Axes(loss, "rank r", "test hinge loss")),
        }, "Test accuracy and hinge loss vs rank r of the update", columns: 2, width: 900);
        var atK = l.Truncation.FirstOrDefault(t => t.R == k);
        return new Figure("low_rank_adaption", "Low-rank adaption: truncated updates and LoRA adapters",
            $"Theory [paper]: since ΔW has {k} dominant directions, a rank-{k} update keeps the accuracy. " +
            $"Measured: rank-{k} truncation {atK?.TestAccuracy:P1} vs full {l.FullTestAccuracy:P1}; LoRA r = {k}: {l.Lora.FirstOrDefault(t => t.R == k)?.TestAccuracy:P1}. " +
            $"Accuracy alone barely separates the ranks on this easy task; the hinge loss does: rank 1 leaves {l.Truncation.FirstOrDefault(t => t.R == 1)?.TestLoss:F3}, rank {k} {atK?.TestLoss:G2}.",
            chart, table);
    }
}
