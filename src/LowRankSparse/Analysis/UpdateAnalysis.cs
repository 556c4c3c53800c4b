using LowRankSparse.Data;
using LowRankSparse.Model;
using LowRankSparse.Util;

namespace LowRankSparse.Analysis;

/// <summary>
/// Measures ΔW = W^(T) − W^(0) for W_Q, W_K, W_V, W_O. The label-relevant span is span{μ_j : j label-relevant} in R^d.
/// Output sides (docs/paper-notes.md §4.1): ΔW_Q onto span{W_K^(0) μ_j}, ΔW_K onto span{W_Q^(0) μ_j}; ΔW_V and ΔW_O have none.
/// W_O's input side is R^{m_a}, where the label-relevant directions are span{W_V^(0) μ_j}.
/// </summary>
public static class UpdateAnalysis
{
    public static IReadOnlyDictionary<string, UpdateMetrics> Analyze(Weights initial, Weights final, PatternSet patterns)
    {
        var update = final.Minus(initial);
        var relevant = patterns.LabelRelevant.Select(patterns.Pattern).ToList();
        var inputSpan = Subspace.Span(relevant);
        var spanWk = Subspace.Span(relevant.Select(mu => Apply(initial.WK, mu)).ToList());
        var spanWq = Subspace.Span(relevant.Select(mu => Apply(initial.WQ, mu)).ToList());
        var spanWv = Subspace.Span(relevant.Select(mu => Apply(initial.WV, mu)).ToList());
        int searchLimit = patterns.Count;

        return new Dictionary<string, UpdateMetrics>
        {
            [Weight.Q.Name()] = Measure(update.WQ, inputSpan, spanWk, searchLimit),
            [Weight.K.Name()] = Measure(update.WK, inputSpan, spanWq, searchLimit),
            [Weight.V.Name()] = Measure(update.WV, inputSpan, null, searchLimit),
            [Weight.O.Name()] = Measure(update.WO, spanWv, null, searchLimit),
        };
    }

    public static UpdateMetrics Measure(double[,] delta, Subspace inputSide, Subspace? outputSide, int gapSearchLimit)
    {
        var spectrum = Spectrum.Of(delta);
        return new UpdateMetrics(
            SingularValues: spectrum.SingularValues,
            TopKEnergy: spectrum.EnergyFractions(),
            LabelRelevantEnergy: inputSide.InputSideEnergy(delta),
            LabelRelevantEnergyOutput: outputSide?.OutputSideEnergy(delta),
            StableRank: spectrum.StableRank,
            NumericalRank: spectrum.RankAtEnergy(),
            GapRank: spectrum.GapRank(Math.Min(gapSearchLimit, Math.Min(delta.GetLength(0), delta.GetLength(1)))),
            FrobeniusNorm: Math.Sqrt(Matrices.FrobeniusSquared(delta)));
    }

    /// <summary>W·v for a host matrix.</summary>
    public static double[] Apply(double[,] w, double[] v)
    {
        var r = new double[w.GetLength(0)];
        for (int i = 0; i < r.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < v.Length; j++) s += w[i, j] * v[j];
            r[i] = s;
        }
        return r;
    }
}
