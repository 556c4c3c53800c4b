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
            Charts.Line(l.Lora.Select(t => (double)t.R), l.Lora.Select(t => t.TestAccuracy), "LoRA adapters, rank r (first seed)"),
            Charts.Line(new[] { rs.Min(), rs.Max() }, new[] { l.FullTestAccuracy, l.FullTestAccuracy }, "full training", markers: false),
            Charts.Line(rs, l.Truncation.Select(t => t.TestLoss), "test hinge loss of W(0) + rank-r(ΔW)"),
            Charts.VerticalMarker(k, 0, 1.02, $"theory: r = {k} suffices"),
        });
        var atK = l.Truncation.FirstOrDefault(t => t.R == k);
        return new Figure("low_rank_adaption", "Low-rank adaption: truncated updates and LoRA adapters",
            $"Theory [paper]: since ΔW has {k} dominant directions, a rank-{k} update keeps the accuracy. " +
            $"Measured: rank-{k} truncation {atK?.TestAccuracy:P1} vs full {l.FullTestAccuracy:P1}; LoRA r = {k}: {l.Lora.FirstOrDefault(t => t.R == k)?.TestAccuracy:P1}. " +
            $"Accuracy alone barely separates the ranks on this easy task; the hinge loss does: rank 1 leaves {l.Truncation.FirstOrDefault(t => t.R == 1)?.TestLoss:F3}, rank {k} {atK?.TestLoss:G2}.",
            Charts.Styled(chart, "Test accuracy and hinge loss vs rank r of the update", "rank r", "test accuracy (fraction) / hinge loss"), table);
    }
}
