using Microsoft.FSharp.Core;
using Plotly.NET.CSharp;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace LowRankSparse.Figures;

/// <summary>
/// Several panels (subplots) in one figure, each with its own axes (style each with <see cref="Charts.Axes"/> first): e.g.
/// accuracy above the hinge loss instead of both on one axis, or one panel per mixing mode instead of twelve legend entries.
/// A trace name shared by several panels appears once in the legend and toggles all of them.
/// </summary>
public static class Panels
{
    public sealed record Panel(string Title, GenericChart Chart);

    public static GenericChart Stack(IReadOnlyList<Panel> panels, string title, int columns, int height = Charts.Height)
    {
        if (panels.Count == 0) throw new ArgumentException("at least one panel is needed", nameof(panels));
        int rows = (panels.Count + columns - 1) / columns;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var panel in panels)
            foreach (var trace in GenericChart.getTraces(panel.Chart))
            {
                if (trace.TryGetTypedPropertyValue<string>("name") is not { } name) continue;
                trace.SetProperty("legendgroup", name.Value);
                bool hidden = trace.TryGetTypedPropertyValue<bool>("showlegend") is { } shown && !shown.Value;
                if (!hidden && !seen.Add(name.Value)) trace.SetProperty("showlegend", false);
            }
        var grid = Chart.Grid(panels.Select(p => p.Chart), rows, columns, SubPlotTitles: panels.Select(p => p.Title).ToArray(),
            XGap: 0.22, YGap: 0.2);                 // issue #25: at 0.12 the right panel's y-axis title sat inside the left panel in the 7-inch exports
        var layout = new Layout();
        layout.SetProperty("title", Title.init(new FSharpOption<string>(title), null, null, null, null, null, null, null, null, null, null, null));
        return Plotly.NET.Chart.withLayout(layout).Invoke(Charts.Sized(grid, height));
    }
}
