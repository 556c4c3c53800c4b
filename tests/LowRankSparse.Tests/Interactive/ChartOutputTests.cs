using System.Text.Json.Nodes;
using LowRankSparse.Display;
using LowRankSparse.Figures;

namespace LowRankSparse.Tests.Interactive;

/// <summary>
/// Issue #18: a chart output in a notebook without plotly.js — HTML that loads the file beside the notebook, and Plotly's JSON
/// MIME type with the figure's caption under the plot (VS Code and JupyterLab show that alone).
/// </summary>
public sealed class ChartOutputTests
{
    private static Figure Figure(string caption) => new("demo", "A demo figure", caption,
        Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 3.0, 4 }), new DataTable("x", "y"));

    [Fact]
    public void Chart_html_loads_plotly_from_the_file_beside_the_notebook_and_holds_no_plotly_js()
    {
        string html = NotebookChart.Html(Figure("caption").Chart);
        Assert.DoesNotContain("plotly.js v", html);
        Assert.True(html.Length < 20_000, $"{html.Length} characters");
        Assert.Contains($"\"{PlotlyAssets.FileName}\"", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Matches(@"^plotly-\d+\.\d+\.\d+\.min\.js$", PlotlyAssets.FileName);
    }

    [Fact]
    public void Text_that_closes_a_script_cannot_end_the_charts_script()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 3.0, 4 }, Name: "</script><b>x</b>");
        string html = NotebookChart.Html(chart);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "</script>"));
        Assert.EndsWith("</script>", html);
    }

    [Fact]
    public void Plotly_mime_json_carries_the_caption_under_the_plot_and_the_title()
    {
        string caption = string.Join(" ", Enumerable.Repeat("Measured 0.9970 against the predicted 1.", 8));
        var json = JsonNode.Parse(PlotlyMime.Json(Figure(caption)))!;
        Assert.IsType<JsonArray>(json["data"]);
        var layout = json["layout"]!;
        Assert.Equal("A demo figure", (string?)layout["title"]!["text"]);      // the chart had no title of its own
        var note = layout["annotations"]!.AsArray().Last()!;
        var lines = PlotlyMime.Wrap(caption, 110);
        Assert.Equal(string.Join("<br>", lines), (string?)note["text"]);
        Assert.True(lines.Count > 1 && lines.All(l => l.Length <= 110));
        Assert.Equal(caption, string.Join(" ", lines));
        Assert.True((double)layout["margin"]!["b"]! >= 70 + 16 * lines.Count);
    }

    [Fact]
    public void Plotly_js_is_written_once_into_a_folder()
    {
        string folder = TestPaths.NewTempDir("plotly-file");
        string path = PlotlyAssets.WriteInto(folder);
        var written = File.GetLastWriteTimeUtc(path);
        Assert.Equal(path, PlotlyAssets.WriteInto(folder));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));                 // an identical copy is left alone
        Assert.Equal(PlotlyAssets.Script, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));                               // no temporary file left behind
    }
}
