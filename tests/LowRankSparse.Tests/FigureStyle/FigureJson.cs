using System.Text.Json.Nodes;
using Plotly.NET;

namespace LowRankSparse.Tests.FigureStyle;

/// <summary>A chart's Plotly figure (data and layout) as JSON, as plotly.js receives it.</summary>
public static class FigureJson
{
    public static JsonObject Of(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();

    public static IEnumerable<JsonObject> Traces(GenericChart chart) => Of(chart)["data"]!.AsArray().Select(t => t!.AsObject());

    public static JsonObject Layout(GenericChart chart) => Of(chart)["layout"]!.AsObject();

    /// <summary>The layout's axes of one kind ("xaxis", "xaxis2", …).</summary>
    public static IEnumerable<JsonObject> Axes(GenericChart chart, string kind) =>
        Layout(chart).Where(p => p.Key.StartsWith(kind, StringComparison.Ordinal)).Select(p => p.Value!.AsObject());

    public static string? Name(JsonObject trace) => trace["name"]?.GetValue<string>();

    public static string? LineColor(JsonObject trace) => trace["line"]?["color"]?.GetValue<string>();

    /// <summary>Entries the legend shows: named traces whose showlegend is not false.</summary>
    public static int LegendEntries(GenericChart chart) =>
        Traces(chart).Count(t => Name(t) is not null && t["showlegend"]?.GetValue<bool>() != false);
}
