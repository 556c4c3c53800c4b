using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LowRankSparse.Tests.Interactive;

namespace LowRankSparse.Tests.Hosts;

/// <summary>
/// An HTML page as a user sees it: opened in headless Chromium (scripts run, no network), its DOM dumped and parsed. A Plotly chart
/// that was drawn is a <c>div.js-plotly-plot</c> holding an <c>svg.main-svg</c>; a chart drawn with broken numbers carries "NaN"
/// in an attribute (the blank heatmaps wrote <c>width="NaN"</c>).
/// </summary>
internal sealed class RenderedPage
{
    private RenderedPage(IDocument dom) => Dom = dom;

    public IDocument Dom { get; }

    public int DrawnCharts => Dom.QuerySelectorAll("div.js-plotly-plot").Count(d => d.QuerySelector("svg.main-svg") is not null);

    /// <summary>Charts the page asks plotly.js to draw: every Plotly.NET output is a div followed by a script calling Plotly.newPlot.</summary>
    public int ChartScripts => Dom.QuerySelectorAll("script").Count(s => s.TextContent.Contains("Plotly.newPlot(", StringComparison.Ordinal) && !s.TextContent.Contains("plotly.js v", StringComparison.Ordinal));

    /// <summary>"name=value" of every attribute (on any element) holding NaN — but data: URIs, whose base64 may spell "NaN" by chance
    /// (a heatmap is drawn as an <c>&lt;image href="data:image/png;base64,…"&gt;</c>).</summary>
    public IReadOnlyList<string> NanAttributes =>
        Dom.All.SelectMany(e => e.Attributes.Where(a => !a.Value.StartsWith("data:", StringComparison.Ordinal) && a.Value.Contains("NaN", StringComparison.Ordinal)).Select(a => $"<{e.LocalName} {a.Name}=\"{a.Value}\">")).ToList();

    /// <summary>A DOM a browser already dumped (the classic front end's page, <see cref="ClassicFrontEnd"/>).</summary>
    public static RenderedPage Parse(string domFile) => new(new HtmlParser().ParseDocument(File.ReadAllText(domFile)));

    public static RenderedPage Open(string htmlFile)
    {
        string chromium = HostTools.Chromium ?? throw new InvalidOperationException($"chromium is not installed ({HostTools.Install})");
        // virtual time: the page's scripts run to completion however slow the machine is (no wall-clock wait)
        var dump = ChildProcess.Run(chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--virtual-time-budget=120000", "--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri],
            timeout: TimeSpan.FromMinutes(5));
        if (dump.ExitCode != 0 || dump.Out.Length == 0) throw new InvalidOperationException($"chromium failed on {htmlFile} (exit {dump.ExitCode}): {dump.Error}");
        return new RenderedPage(new HtmlParser().ParseDocument(dump.Out));
    }
}
