using LowRankSparse.Experiments.Sections;

namespace LowRankSparse.Figures;

/// <summary>Figure of claim 4 (rank-r truncation and LoRA adapters).</summary>
public static class LowRankFigures
{
    public static Figure Adaption(LowRankSection l, int k)
    {
        var table = new DataTable("method", "r", "test_accuracy", "test_loss");
        foreach (var t in l.Truncation) table.Add("truncation", t.R, t.TestAccuracy, t.TestLoss);
        foreach (var t in l.Lora) table.Add("lora", t.R, t.TestAccuracy, t.TestLoss);
        var rs = l.Truncation.Select(t => (double)t.R).ToArray();
        var chart = Charts.Combine(new[]
        {
            Charts.Band(rs, l.Truncation.Select(t => t.TestAccuracy).ToArray(), l.Truncation.Select(t => t.TestAccuracyStd).ToArray(), "W(0) + rank-r(ΔW)"),
            Charts.Line(l.Lora.Select(t => (double)t.R), l.Lora.Select(t => t.TestAccuracy), "LoRA adapters, rank r, head frozen (first seed)"),
            Charts.Line(new[] { rs.Min(), rs.Max() }, new[] { l.FullTestAccuracy, l.FullTestAccuracy }, "full training", markers: false),
            Charts.Line(rs, l.Truncation.Select(t => t.TestLoss), "test hinge loss of W(0) + rank-r(ΔW)"),
            Charts.VerticalMarker(k, 0, 1.02, $"theory: r = {k} suffices"),
        });
        var atK = l.Truncation.FirstOrDefault(t => t.R == k);
        return new Figure("low_rank_adaption", "Low-rank adaption: truncated updates and LoRA adapters",
            $"Theory [paper]: since ΔW has {k} dominant directions, a rank-{k} update keeps the generalization error (hinge loss). " +
            $"Measured test hinge loss of W(0) + rank-r(ΔW) with the trained head: {string.Join(", ", l.Truncation.Select(t => $"r = {t.R}: {t.TestLoss:F3}"))} " +
            $"(full update {l.FullTestLossMean:F3}); accuracy {string.Join(", ", l.Truncation.Select(t => $"r = {t.R}: {t.TestAccuracy:F3}"))}. " +
            $"LoRA adapters on the frozen W(0) with the head frozen at the trained W_O: {string.Join(", ", l.Lora.Select(t => $"r = {t.R}: {t.TestLoss:F3}"))}; " +
            $"training W_O alone on W(0) reaches {l.OutputOnly.TestLoss:F3} — on this task the head alone suffices, which is why the adapters are judged with the head frozen.",
            Charts.Styled(chart, "Test accuracy and hinge loss vs rank r of the update", "rank r", "test accuracy (fraction) / hinge loss"), table);
    }
}
