using LowRankSparse.Display;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// Puts plotly.js (inline, <see cref="PlotlyAssets.ScriptTag"/>) in front of the first chart's HTML of a session, so later charts
/// of the same page render too, with no internet (JupyterLab, VS Code, a saved .ipynb).
/// </summary>
public sealed class PlotlyScriptOnce
{
    private bool _sent;

    public CellOutput Apply(CellOutput output)
    {
        if (_sent || output is not DisplayOutput { IsPlotlyChart: true } chart || !chart.Data.TryGetValue(RichValue.Html, out string? html))
            return output;
        _sent = true;
        var data = new Dictionary<string, string>(chart.Data) { [RichValue.Html] = PlotlyAssets.ScriptTag + html };
        return chart with { Data = data };
    }

    /// <summary>Removes the inlined plotly.js again (for a page that loads it once in its head).</summary>
    public static string Strip(string html) => html.Replace(PlotlyAssets.ScriptTag, "", StringComparison.Ordinal);
}
