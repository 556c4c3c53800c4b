using LowRankSparse.Experiments.RealData;
using LowRankSparse.Measurements;
using LowRankSparse.Pruning;
using Plotly.NET;
using static LowRankSparse.Util.Fmt;

namespace LowRankSparse.Figures;

/// <summary>Figures of the real-data experiment (issue #16), each with the synthetic result beside the real one.</summary>
public static class RealDataFigures
{
    private static readonly string[] Qkv = { "W_Q", "W_K", "W_V" };

    public static IReadOnlyList<Figure> All(RealDataResults r) => [Spectra(r), RowNorms(r), Pruning(r), Truncation(r)];

    /// <summary>Singular values of ΔW_Q, ΔW_K, ΔW_V divided by the largest: real (solid) and synthetic (dashed).</summary>
    public static Figure Spectra(RealDataResults r)
    {
        var table = new DataTable("data", "weight", "index", "singular_value", "relative");
        var traces = new List<GenericChart>();
        foreach (var (label, s, dash) in new[] { ("real", r.Real, (StyleParam.DrawingStyle?)null), ("synthetic", r.Synthetic, StyleParam.DrawingStyle.Dash) })
            foreach (var w in Qkv)
            {
                var sv = s.Updates[w].SingularValues;
                double top = Math.Max(sv[0], 1e-300);
                var rel = sv.Select(v => Math.Max(v / top, 1e-12)).ToArray();
                traces.Add(Charts.Line(Enumerable.Range(1, sv.Length).Select(i => (double)i), rel, $"{WeightColors.Label(w)} {label}", true, dash));
                for (int i = 0; i < sv.Length; i++) table.Add(label, w, i + 1, sv[i], rel[i]);
            }
        int k = r.Span.Rank;
        string caption = $"Theory [paper, synthetic data]: {k} dominant singular values per update. Measured top-{k} energy on real images: " +
            string.Join(", ", Qkv.Select(w => $"Δ{w} {F(r.Real.Updates[w].TopKEnergy[k - 1], 3)}")) + "; on the synthetic model: " +
            string.Join(", ", Qkv.Select(w => $"Δ{w} {F(r.Synthetic.Updates[w].TopKEnergy[k - 1], 3)}")) + ".";
        return new Figure("real_spectra", "Singular values of the updates, real vs synthetic", caption,
            Charts.Styled(Charts.Combine(traces), "σᵢ / σ₁ of ΔW (real solid, synthetic dashed)", "index i", "σᵢ / σ₁", logY: true), table);
    }

    /// <summary>Sorted W_O row norms: trained and initial on real data, trained on synthetic data.</summary>
    public static Figure RowNorms(RealDataResults r)
    {
        var table = new DataTable("series", "rank", "row_norm");
        var traces = new List<GenericChart>();
        foreach (var (name, norms) in new[] { ("real, trained", r.Real.SortedRowNorms!), ("real, initial", r.Real.InitialSortedRowNorms!), ("synthetic, trained", r.Synthetic.SortedRowNorms!) })
        {
            traces.Add(Charts.Line(Enumerable.Range(1, norms.Length).Select(i => (double)i), norms, name, false));
            for (int i = 0; i < norms.Length; i++) table.Add(name, i + 1, norms[i]);
        }
        var s = r.Real.Sparsity!;
        string caption = $"Theory [paper, synthetic data]: the lucky rows grow large, the rest stay small. Measured on real images: Otsu split " +
            $"{F(s.LuckyFraction, 2)} large, large rows {F(s.Separation, 2)}× the small ones (untrained W_O: {F(r.Real.Untrained!.Separation, 2)}×), " +
            $"norms {F(r.Real.SortedRowNorms![0], 3)} … {F(r.Real.SortedRowNorms[^1], 3)}; synthetic: {F(r.Synthetic.Sparsity!.Separation, 2)}×.";
        return new Figure("real_row_norms", "Sorted W_O row norms", caption,
            Charts.Styled(Charts.Combine(traces), "W<sub>O</sub> row norms, largest first", "neuron (sorted)", "row norm ‖W<sub>O,i</sub>‖", logY: true), table);
    }

    public static Figure Pruning(RealDataResults r)
    {
        var table = new DataTable("data", "method", "rate", "test_loss", "test_accuracy");
        var traces = new List<GenericChart>();
        foreach (var (label, s, dash) in new[] { ("real", r.Real, (StyleParam.DrawingStyle?)null), ("synthetic", r.Synthetic, StyleParam.DrawingStyle.Dash) })
            foreach (var (method, curve) in new[] { ("magnitude", s.Magnitude!), ("random", s.Random!), ("largest first", s.LargestFirst!) })
            {
                traces.Add(Charts.Line(curve.Select(p => p.Rate), curve.Select(p => p.TestLoss), $"{method}, {label}", true, dash));
                foreach (var p in curve) table.Add(label, method, p.Rate, p.TestLoss, p.TestAccuracy);
            }
        string caption = "Theory [paper, synthetic data]: magnitude pruning is nearly free up to the unlucky fraction, random pruning costs ~R. " +
            $"Measured at R = 0.4 on real images: magnitude {F(At(r.Real.Magnitude!, 0.4), 3)}, random {F(At(r.Real.Random!, 0.4), 3)}, largest first {F(At(r.Real.LargestFirst!, 0.4), 3)} " +
            $"(unpruned {F(r.Real.Magnitude![0].TestLoss, 3)}); synthetic: magnitude {F(At(r.Synthetic.Magnitude!, 0.4), 3)}, random {F(At(r.Synthetic.Random!, 0.4), 3)}.";
        return new Figure("real_pruning", "Test hinge loss after pruning W_O neurons", caption,
            Charts.Styled(Charts.Combine(traces), "Neuron pruning (real solid, synthetic dashed)", "pruning rate R (fraction of neurons removed)", "test hinge loss"), table);
    }

    public static Figure Truncation(RealDataResults r)
    {
        var table = new DataTable("data", "rank", "test_loss", "test_accuracy");
        var traces = new List<GenericChart>();
        foreach (var (label, s) in new[] { ("real", r.Real), ("synthetic", r.Synthetic) })
        {
            traces.Add(Charts.Line(s.Truncation!.Select(p => (double)p.R), s.Truncation!.Select(p => p.TestLoss), $"rank-r truncation, {label}"));
            traces.Add(Charts.Line(new[] { 0.0, Signatures.MaxTruncationRank }, new[] { s.TestLoss, s.TestLoss }, $"full update, {label}", false, StyleParam.DrawingStyle.Dash));
            foreach (var p in s.Truncation!) table.Add(label, p.R, p.TestLoss, p.TestAccuracy);
        }
        int k = r.Span.Rank;
        var atK = r.Real.Truncation!.First(p => p.R == k);
        string caption = $"Theory [paper]: W(0) + rank-{k}(ΔW) for W_Q, W_K, W_V keeps the generalization error. Measured on real images: rank {k} " +
            $"{F(atK.TestLoss, 3)} vs full {F(r.Real.TestLoss, 3)}, rank 0 (W(0)'s attention, trained W_O) {F(r.Real.Truncation![0].TestLoss, 3)}.";
        return new Figure("real_truncation", "Rank-r truncation of the attention updates", caption,
            Charts.Styled(Charts.Combine(traces), "Test hinge loss of W(0) + rank-r(ΔW)", "rank r", "test hinge loss"), table);
    }

    private static double At(IReadOnlyList<PruningPoint> curve, double rate) => curve.MinBy(p => Math.Abs(p.Rate - rate))!.TestLoss;
}
