using LowRankSparse.Util;

namespace LowRankSparse.Figures;

/// <summary>
/// What a spectrum shows, in words computed from its numbers (a caption never asserts what the data do not show): how far the
/// (k+1)-th singular value lies below the k-th.
/// </summary>
public static class SpectrumWords
{
    /// <summary>Orders of magnitude between σ_k and σ_(k+1) (k counted from 1); +∞ when σ_(k+1) is zero, 0 when there is no σ_(k+1).</summary>
    public static double OrdersBelow(IReadOnlyList<double> singularValues, int k)
    {
        if (singularValues.Count <= k || k < 1) return 0;
        double sk = singularValues[k - 1], next = singularValues[k];
        return next <= 0 ? double.PositiveInfinity : Math.Log10(sk / next);
    }

    /// <summary>"σ₃ lies 2.4 orders of magnitude below σ₂ (ΔW_Q) …" — or says that the tail is not much smaller.</summary>
    public static string Gap(IReadOnlyDictionary<string, IReadOnlyList<double>> spectra, int k)
    {
        var orders = spectra.ToDictionary(p => p.Key, p => OrdersBelow(p.Value, k));
        double least = orders.Values.Min();
        string each = string.Join(", ", orders.Select(p => $"Δ{p.Key} {(double.IsPositiveInfinity(p.Value) ? "∞" : Fmt.F(p.Value, 1))}"));
        return least >= 1
            ? $"after index {k} the singular values drop by at least {Fmt.F(least, 1)} orders of magnitude ({each})"
            : $"the singular values after index {k} are NOT much smaller: the drop from σ_{k} to σ_{k + 1} is only {each} orders of magnitude (a flat tail, not low rank)";
    }
}
