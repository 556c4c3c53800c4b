using System.Net;
using Figure = LowRankSparse.Figures.Figure;
using Plotly.NET;

namespace LowRankSparse.Display;

/// <summary>
/// A chart or a figure (title, chart, caption) as a standalone HTML page with plotly.js inlined, so it opens offline:
/// what an exported notebook app writes for each <c>display(x)</c> of a chart.
/// </summary>
public static class ChartPage
{
    /// <summary>The page for a <see cref="Figure"/> or a Plotly.NET chart; null for any other value.</summary>
    public static string? For(object? value) => value switch
    {
        Figure figure => Page(figure.Title,
            $"<h2>{WebUtility.HtmlEncode(figure.Title)}</h2>\n{figure.ChartHtml()}\n<p><em>{WebUtility.HtmlEncode(figure.Caption)}</em></p>"),
        GenericChart chart => Page("chart", GenericChart.toChartHTML(chart)),
        _ => null,
    };

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{WebUtility.HtmlEncode(title)}</title>
        {PlotlyAssets.ScriptTag}
        </head>
        <body style="font-family: system-ui, sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em">
        {body}
        </body>
        </html>
        """;
}
