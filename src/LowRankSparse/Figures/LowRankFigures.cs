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
        double maxLoss = Math.Max(l.Truncation.Select(t => t.TestLoss).Concat(l.Lora.Select(t => t.TestLoss)).Max(), 1e-3);
        var accuracy = Charts.Combine(new[]
        {
            Charts.Band(rs, l.Truncation.Select(t => t.TestAccuracy).ToArray(), l.Truncation.Select(t => t.TestAccuracyStd).ToArray(), "W(0) + rank-r(ΔW)", 0, 1, Truncated),
            Charts.Line(l.Lora.Select(t => (double)t.R), l.Lora.Select(t => t.TestAccuracy), "LoRA adapters, rank r, head frozen (first seed)", Lora),
            Charts.Line(new[] { rs.Min(), rs.Max() }, new[] { l.FullTestAccuracy, l.FullTestAccuracy }, "full training", Full, markers: false),
            Charts.Line(new[] { (double)k, k }, new[] { 0, 1.02 }, $"theory: r = {k} suffices", Theory, markers: false, dash: StyleParam.DrawingStyle.Dash),
        });
        var loss = Charts.Combine(new[]
        {
            Charts.Line(rs, l.Truncation.Select(t => t.TestLoss), "W(0) + rank-r(ΔW)", Truncated),
            // issue #25: the accuracies of every LoRA rank are 1, the hinge loss is what separates them
            Charts.Line(l.Lora.Select(t => (double)t.R), l.Lora.Select(t => t.TestLoss), "LoRA adapters, rank r, head frozen (first seed)", Lora),
            Charts.Line(new[] { (double)k, k }, new[] { 0, maxLoss }, $"theory: r = {k} suffices", Theory, markers: false, dash: StyleParam.DrawingStyle.Dash),
        });
        var chart = Panels.Stack(new Panels.Panel[]
        {
            new("test accuracy", Charts.Axes(accuracy, "rank r", "test accuracy (fraction)")),
            new("test hinge loss (separates the ranks)", Charts.Axes(loss, "rank r", "test hinge loss")),
        }, "Test accuracy and hinge loss vs rank r of the update", columns: 2);
        var atK = l.Truncation.FirstOrDefault(t => t.R == k);
        return new Figure("low_rank_adaption", "Low-rank adaption: truncated updates and LoRA adapters",
            $"Theory [paper]: since ΔW has {k} dominant directions, a rank-{k} update keeps the generalization error (hinge loss). " +
            $"Measured test hinge loss of W(0) + rank-r(ΔW) with the trained head: {string.Join(", ", l.Truncation.Select(t => $"r = {t.R}: {t.TestLoss:F3}"))} " +
            $"(full update {l.FullTestLossMean:F3}); accuracy {string.Join(", ", l.Truncation.Select(t => $"r = {t.R}: {t.TestAccuracy:F3}"))}. " +
            $"LoRA adapters on the frozen W(0) with the head frozen at the trained W_O: {string.Join(", ", l.Lora.Select(t => $"r = {t.R}: {t.TestLoss:F3}"))}; " +
            $"training W_O alone on W(0) reaches {l.OutputOnly.TestLoss:F3} — on this task the head alone suffices, which is why the adapters are judged with the head frozen.",
            chart, table);
    }
}
