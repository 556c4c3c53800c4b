using LowRankSparse.Measurements;
using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>Figure of claim 4 (rank-r truncation per part of the update, and LoRA adapters on the attention part).</summary>
public static class LowRankFigures
{
    private const string All = "#1f77b4", Attention = "#ff7f0e", Value = "#2ca02c", Lora = "#d62728", Full = "#7f7f7f", Theory = "#9467bd", Random = "#000000";

    public static Figure Adaption(LowRankSection l, int k)
    {
        var table = new DataTable("method", "r", "test_accuracy", "test_loss");
        foreach (var (name, curve) in Parts(l))
            foreach (var t in curve) table.Add(name, t.R, t.TestAccuracy, t.TestLoss);
        foreach (var t in l.Lora) table.Add("lora_qk", t.R, t.TestAccuracy, t.TestLoss);
        table.Add("random_rank_k_qk", l.AttentionRandomRankK.R, l.AttentionRandomRankK.TestAccuracy, l.AttentionRandomRankK.TestLoss);
        var rs = l.Truncation.Select(t => (double)t.R).ToArray();
        // every loss the chart draws; a log axis when all are positive: the rank-0 costs are 10–100× the rest, which a linear axis flattens onto 0
        var drawn = Parts(l).SelectMany(p => p.Curve).Select(t => t.TestLoss).Concat(l.Lora.Select(t => t.TestLoss))
            .Append(l.AttentionRandomRankK.TestLoss).Append(l.FullTestLossMean).ToList();
        double top = drawn.Max(), bottom = drawn.Where(v => v > 0).DefaultIfEmpty(1e-3).Min() / 2;
        bool logY = drawn.All(v => v > 0);
        var chart = Charts.Combine(new[]
        {
            Charts.Line(rs, l.Truncation.Select(t => t.TestLoss), WeightColors.Typeset("ΔW_Q, ΔW_K, ΔW_V all at rank r"), All),
            Charts.Line(l.AttentionTruncation.Select(t => (double)t.R), l.AttentionTruncation.Select(t => t.TestLoss), WeightColors.Typeset("attention part: ΔW_Q, ΔW_K at rank r (ΔW_V full)"), Attention, dash: StyleParam.DrawingStyle.Dash),
            Charts.Line(l.ValueTruncation.Select(t => (double)t.R), l.ValueTruncation.Select(t => t.TestLoss), WeightColors.Typeset("value part: ΔW_V at rank r (ΔW_Q, ΔW_K full)"), Value, dash: StyleParam.DrawingStyle.Dot),
            Charts.Line(l.Lora.Select(t => (double)t.R), l.Lora.Select(t => t.TestLoss), WeightColors.Typeset("LoRA adapters on W_Q, W_K, rank r (first seed)"), Lora, dash: StyleParam.DrawingStyle.DashDot),
            Charts.Line(new[] { (double)l.AttentionRandomRankK.R }, new[] { l.AttentionRandomRankK.TestLoss }, WeightColors.Typeset($"control: random rank-{k} projection of ΔW_Q, ΔW_K"), Random),
            Charts.Line(new[] { rs.Min(), rs.Max() }, new[] { l.FullTestLossMean, l.FullTestLossMean }, "full update", Full, markers: false, dash: StyleParam.DrawingStyle.LongDash),
            Charts.Line(new[] { (double)k, k }, new[] { logY ? bottom : 0, Math.Max(top, 1e-3) * 1.05 }, $"theory: rank K = {k} suffices", Theory, markers: false, dash: StyleParam.DrawingStyle.Dash),
        });
        var qk0 = l.AttentionTruncation.FirstOrDefault(t => t.R == 0);
        var qkK = l.AttentionTruncation.FirstOrDefault(t => t.R == k);
        var loraK = l.Lora.FirstOrDefault(t => t.R == k);
        return new Figure("low_rank_adaption", "Low-rank adaption: each part of the update truncated, and LoRA on the attention part",
            $"Theory [paper]: a rank-{k} update keeps the generalization error (test hinge loss). Measured (mean [95 % t-interval] over seeds): dropping the attention " +
            $"update (ΔW_Q, ΔW_K at rank 0) gives {Fmt(qk0)}, rank {k} {Fmt(qkK)}, a random rank-{k} projection {Fmt(l.AttentionRandomRankK)}, " +
            $"the full update {Util.SeedInterval.ShortOr(l.FullTestLossBySeed, l.FullTestLossMean)}; ΔW_V at rank 0 costs {Fmt(l.ValueTruncation.FirstOrDefault(t => t.R == 0))}. " +
            $"LoRA adapters of rank {k} on W_Q, W_K (W_V and W_O frozen at their trained values, first seed): {Fmt(loraK?.TestLoss)}; " +
            $"W_O alone trained on W(0) reaches {Fmt(l.OutputOnly.TestLoss)}.",
            Charts.Styled(chart, "Test hinge loss vs rank r of each part of the update", "rank r", logY ? "test hinge loss (log scale)" : "test hinge loss", logY: logY), table);
    }

    private static IEnumerable<(string Name, IReadOnlyList<RankPoint> Curve)> Parts(LowRankSection l) =>
        [("truncation_all", l.Truncation), ("truncation_qk", l.AttentionTruncation), ("truncation_v", l.ValueTruncation)];

    private static string Fmt(double? x) => x is double v ? v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>A truncation point's test hinge with its interval over seeds where it was recorded.</summary>
    private static string Fmt(RankPoint? p) => p is null ? "—" : p.TestLossInterval is { } i ? i.Short() : Fmt(p.TestLoss);
}
