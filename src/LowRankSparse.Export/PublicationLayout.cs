using System.Text.Json.Nodes;
using LowRankSparse.Figures;
using Plotly.NET;

namespace LowRankSparse.Export;

/// <summary>
/// A report chart as a figure for a paper or slides: 7 in (672 CSS px) wide at the report's proportions, a white background
/// with dark axes, grid lines in light grey and readable fonts. The traces keep their colours and the chart keeps its own
/// template's colour way and colour scales, so a figure looks like its report chart. The title goes (the paper's caption
/// carries it; subplot titles stay), and so does a step slider: the figure shows the slider's active step, the last snapshot.
/// </summary>
public static class PublicationLayout
{
    /// <summary>Width in CSS pixels (96 per inch): a full text width of 7 in; PDF and SVG keep it as their size.</summary>
    public const int Width = 672;

    /// <summary>PNG pixels per CSS pixel: 300 dpi at <see cref="Width"/> (2100 px wide).</summary>
    public const double PngScale = Dpi / 96;

    /// <summary>The PNGs' resolution, written into each file (<see cref="PngDensity"/>).</summary>
    public const double Dpi = 300;

    /// <summary>The width the report's chart heights were chosen for; heights scale by <see cref="Width"/> / this.</summary>
    private const double ReportWidth = 760;

    public const string FontFamily = "Liberation Sans, Arial, Helvetica, sans-serif";

    /// <summary>The Plotly figure (data, layout) to draw; <see cref="Size"/> of it gives the image size.</summary>
    public static JsonObject Of(GenericChart chart)
    {
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        var layout = figure["layout"] as JsonObject ?? new JsonObject();
        figure["layout"] = layout;
        int height = (int)Math.Round((layout["height"]?.GetValue<double>() ?? Charts.Height) * Width / ReportWidth);
        layout["width"] = Width;
        layout["height"] = height;
        layout["autosize"] = false;
        layout.Remove("title");
        layout.Remove("sliders");
        layout.Remove("updatemenus");
        bool subplotTitles = layout["annotations"] is JsonArray { Count: > 0 };
        layout["margin"] = new JsonObject { ["l"] = 70, ["r"] = 20, ["t"] = subplotTitles ? 40 : 20, ["b"] = 60, ["pad"] = 0 };
        var template = layout["template"] as JsonObject ?? new JsonObject();
        layout["template"] = template;
        var templateLayout = template["layout"] as JsonObject ?? new JsonObject();
        template["layout"] = templateLayout;
        foreach (var (key, value) in Clean()) templateLayout[key] = value?.DeepClone();
        return figure;
    }

    public static (int Width, int Height) Size(JsonObject figure) =>
        (figure["layout"]!["width"]!.GetValue<int>(), figure["layout"]!["height"]!.GetValue<int>());

    /// <summary>The template rules that replace Plotly's grey plot area (they apply to every x and y axis of the figure).</summary>
    private static JsonObject Clean()
    {
        JsonObject Axis() => new()
        {
            ["showgrid"] = true, ["gridcolor"] = "#e5e5e5", ["gridwidth"] = 1,
            ["showline"] = true, ["linecolor"] = "#222222", ["linewidth"] = 1, ["mirror"] = false,
            ["ticks"] = "outside", ["tickcolor"] = "#222222", ["ticklen"] = 4,
            ["zeroline"] = false, ["automargin"] = true,
            ["tickfont"] = new JsonObject { ["size"] = 12 },
            ["title"] = new JsonObject { ["font"] = new JsonObject { ["size"] = 14 }, ["standoff"] = 8 },
        };
        return new JsonObject
        {
            ["paper_bgcolor"] = "#ffffff",
            ["plot_bgcolor"] = "#ffffff",
            ["font"] = new JsonObject { ["family"] = FontFamily, ["size"] = 13, ["color"] = "#222222" },
            ["xaxis"] = Axis(),
            ["yaxis"] = Axis(),
            // under the plot, across the width: a legend at the right would take a third of a 7 in figure
            ["legend"] = new JsonObject
            {
                ["orientation"] = "h", ["yref"] = "container", ["y"] = 0, ["yanchor"] = "bottom", ["x"] = 0, ["xanchor"] = "left",
                ["font"] = new JsonObject { ["size"] = 12 }, ["bgcolor"] = "rgba(255,255,255,0)",
            },
            ["annotationdefaults"] = new JsonObject { ["font"] = new JsonObject { ["size"] = 13 } },
        };
    }
}
