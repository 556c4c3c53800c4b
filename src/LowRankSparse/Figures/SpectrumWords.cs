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

    /// <summary>Share of the energy (Σσ²) in the top <paramref name="k"/> singular values.</summary>
    public static double TopEnergy(IReadOnlyList<double> singularValues, int k)
    {
        double total = singularValues.Sum(x => x * x);
        return total <= 0 ? 1 : singularValues.Take(k).Sum(x => x * x) / total;
    }

    /// <summary>"after index 2 the singular values drop by …" — or, when they do not, how much energy the top k carry and whether the tail is
    /// flat (top-k energy below 99 %) or the update is simply more concentrated than k (issue #24: computed from the numbers, never asserted).</summary>
    public static string Gap(IReadOnlyDictionary<string, IReadOnlyList<double>> spectra, int k)
    {
        var orders = spectra.ToDictionary(p => p.Key, p => OrdersBelow(p.Value, k));
        double least = orders.Values.Min();
        string each = string.Join(", ", orders.Select(p => $"Δ{p.Key} {(double.IsPositiveInfinity(p.Value) ? "∞" : Fmt.F(p.Value, 1))}"));
        if (least >= 1) return $"after index {k} the singular values drop by at least {Fmt.F(least, 1)} orders of magnitude ({each})";
        var energy = spectra.ToDictionary(p => p.Key, p => TopEnergy(p.Value, k));
        string shares = string.Join(", ", energy.Select(p => $"Δ{p.Key} {Fmt.F(100 * p.Value, 1)} %"));
        var flat = energy.Where(p => p.Value < 0.99).Select(p => "Δ" + p.Key).ToList();
        return $"the drop from σ_{k} to σ_{k + 1} is {each} orders of magnitude, and the top {k} singular values carry {shares} of the energy: " +
               (flat.Count == 0
                   ? $"each carries ≥ 99 % of its energy in the top {k} (first seed's spectrum; the verdict judges every seed), so where the drop is small the energy already sits in fewer than {k} directions"
                   : $"a flat tail for {string.Join(", ", flat)} (below 99 % in the top {k})");
    }
}
