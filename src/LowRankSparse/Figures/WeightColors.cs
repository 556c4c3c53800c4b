namespace LowRankSparse.Figures;

/// <summary>
/// One colour per weight in every figure (ΔW_Q blue, ΔW_K orange, ΔW_V green): Plotly would otherwise colour traces by their
/// position in the chart, so the same weight changed colour between figures. Issue #25: each weight also has its own dash and
/// marker (ΔW_Q solid with circles, ΔW_K dashed with squares, ΔW_V dotted with diamonds, smaller in that order), since two
/// weights' curves often coincide (ΔW_Q under ΔW_K) and a colour alone hid one of them; and its label is typeset, ΔW<sub>Q</sub>.
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

    /// <summary>"W_Q" → "ΔW&lt;sub&gt;Q&lt;/sub&gt;": the update's label with a real subscript (plotly.js typesets &lt;sub&gt; in legends and titles).</summary>
    public static string Label(string name) => "Δ" + Typeset(name);

    /// <summary>Every weight name in a figure label typeset: "W_O" → "W&lt;sub&gt;O&lt;/sub&gt;", "top-K energy of ΔW_Q" → "… ΔW&lt;sub&gt;Q&lt;/sub&gt;".</summary>
    public static string Typeset(string label) => WeightName.Replace(label, "W<sub>$1</sub>");

    private static readonly System.Text.RegularExpressions.Regex WeightName = new(@"(?<![A-Za-z])W_([QKVO](?:,i)?)(?![A-Za-z])");

    /// <summary>The weight's line dash (plotly.js names): solid, dash, dot.</summary>
    public static string Dash(string name) => Style(name).Dash;

    /// <summary>The weight's marker (plotly.js symbol) and size: drawn in that order, the later smaller ones stay visible on the earlier.</summary>
    public static (string Symbol, int Size) Marker(string name) => (Style(name).Symbol, Style(name).Size);

    private static (string Dash, string Symbol, int Size) Style(string name) => name switch
    {
        "W_Q" => ("solid", "circle", 10),
        "W_K" => ("dash", "square", 7),
        "W_V" => ("dot", "diamond", 6),
        _ => throw new ArgumentException($"no style for weight '{name}'", nameof(name)),
    };

    /// <summary>A hex colour with an alpha, as CSS rgba() (for the shaded band around a curve).</summary>
    public static string Translucent(string hex, double alpha)
    {
        int r = Convert.ToInt32(hex.Substring(1, 2), 16), g = Convert.ToInt32(hex.Substring(3, 2), 16), b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return FormattableString.Invariant($"rgba({r},{g},{b},{alpha})");
    }
}
