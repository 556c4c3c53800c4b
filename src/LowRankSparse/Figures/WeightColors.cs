namespace LowRankSparse.Figures;

/// <summary>
/// One colour per weight in every figure (ΔW_Q blue, ΔW_K orange, ΔW_V green): Plotly would otherwise colour traces by their
/// position in the chart, so the same weight changed colour between figures.
/// </summary>
public static class WeightColors
{
    private static readonly IReadOnlyDictionary<string, string> Colors = new Dictionary<string, string>
    {
        ["W_Q"] = "#1f77b4", ["W_K"] = "#ff7f0e", ["W_V"] = "#2ca02c",
    };

    /// <summary>The colour of weight <paramref name="name"/> ("W_Q", "W_K" or "W_V"), as a CSS hex colour.</summary>
    public static string Of(string name) =>
        Colors.TryGetValue(name, out string? color) ? color : throw new ArgumentException($"no colour for weight '{name}'", nameof(name));

    /// <summary>A hex colour with an alpha, as CSS rgba() (for the shaded band around a curve).</summary>
    public static string Translucent(string hex, double alpha)
    {
        int r = Convert.ToInt32(hex.Substring(1, 2), 16), g = Convert.ToInt32(hex.Substring(3, 2), 16), b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return FormattableString.Invariant($"rgba({r},{g},{b},{alpha})");
    }
}
