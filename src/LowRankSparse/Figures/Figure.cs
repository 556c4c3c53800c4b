using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>
/// One figure of the report: an interactive Plotly chart, a title, a one-sentence caption saying what the theory predicts and
/// what was measured, and the data behind it (saved as <c>{Id}.csv</c>).
/// </summary>
public sealed record Figure(string Id, string Title, string Caption, GenericChart Chart, DataTable Data)
{
    /// <summary>Chart fragment (div + script); the page must load plotly.js once (see Display.PlotlyAssets).</summary>
    public string ChartHtml() => GenericChart.toChartHTML(Chart);
}
