using System.Text;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace LowRankSparse.Display;

/// <summary>
/// Plotly's notebook MIME type, <c>application/vnd.plotly.v1+json</c>: the figure as JSON (data, layout, config), which VS Code
/// (its Jupyter renderers extension) and JupyterLab (the plotly extension) draw with a plotly.js of their own, offline, with no
/// script in the notebook. A figure's caption becomes a note under the plot, since those hosts show the chart alone.
/// </summary>
public static class PlotlyMime
{
    public const string MimeType = "application/vnd.plotly.v1+json";

    private const int CaptionLineLength = 110;

    public static string Json(GenericChart chart) => GenericChart.toJson(chart);

    /// <summary>The chart with the figure's title (when the chart has none) and its caption below the plot.</summary>
    public static string Json(Figures.Figure figure)
    {
        var json = JsonNode.Parse(GenericChart.toJson(figure.Chart))!.AsObject();
        var layout = json["layout"] as JsonObject ?? new JsonObject();
        json["layout"] = layout;
        if (layout["title"] is null) layout["title"] = new JsonObject { ["text"] = figure.Title };
        var lines = Wrap(figure.Caption, CaptionLineLength);
        int below = layout["sliders"] is JsonArray { Count: > 0 } ? 130 : 60;     // under the x-axis title, and under a slider if there is one
        var annotations = layout["annotations"] as JsonArray ?? new JsonArray();
        layout["annotations"] = annotations;
        annotations.Add(new JsonObject
        {
            ["text"] = string.Join("<br>", lines.Select(System.Net.WebUtility.HtmlEncode)), ["showarrow"] = false, ["align"] = "left",
            ["xref"] = "paper", ["yref"] = "paper", ["x"] = 0, ["xanchor"] = "left", ["y"] = 0, ["yanchor"] = "top", ["yshift"] = -below,
            ["font"] = new JsonObject { ["size"] = 12, ["color"] = "#444" },
        });
        var margin = layout["margin"] as JsonObject ?? new JsonObject();
        layout["margin"] = margin;
        int bottom = below + 10 + 16 * lines.Count;
        if ((margin["b"]?.GetValue<double>() ?? 0) < bottom) margin["b"] = bottom;
        return json.ToJsonString();
    }

    /// <summary>Words in lines of at most <paramref name="width"/> characters (a longer word gets a line of its own).</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }
}
