using Microsoft.DotNet.Interactive.Formatting;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// Turns a value into a MIME bundle with Microsoft.DotNet.Interactive.Formatting: text/plain always; text/html too when a
/// formatter was registered for the value's type (e.g. Plotly charts, by the host's <see cref="LowRankSparse.Hosting.INotebookHost.Start"/>), and Plotly's
/// JSON MIME type when one was registered for it (charts and figures). Strings are text only.
/// </summary>
public static class RichValue
{
    public const string Plain = "text/plain";
    public const string Html = "text/html";
    /// <summary>Plotly's notebook MIME type: the figure as JSON, which VS Code and JupyterLab draw with their own plotly.js.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    public static DisplayOutput Display(object? value)
    {
        var bundle = Bundle(value);
        return new DisplayOutput(bundle, DrawsPlotly(bundle));
    }

    public static ExecuteResultOutput Result(object? value, int executionCount)
    {
        var bundle = Bundle(value);
        return new ExecuteResultOutput(bundle, DrawsPlotly(bundle), executionCount);
    }

    /// <summary>Plotly.NET chart HTML (alone or inside another formatter's HTML, e.g. a figure with a caption) calls Plotly.newPlot.</summary>
    private static bool DrawsPlotly(IReadOnlyDictionary<string, string> bundle) =>
        bundle.TryGetValue(Html, out string? html) && html.Contains("Plotly.newPlot", StringComparison.Ordinal);

    public static IReadOnlyDictionary<string, string> Bundle(object? value)
    {
        if (value is null) return new Dictionary<string, string> { [Plain] = Formatter.NullString };
        if (value is string text) return new Dictionary<string, string> { [Plain] = text };
        var type = value.GetType();
        if (!HasRegistered(type, Html)) return new Dictionary<string, string> { [Plain] = value.ToDisplayString(Plain) };
        // The default plain formatter dumps every property of a rich object (a chart's whole JSON): show its type name instead.
        string plain = HasRegistered(type, Plain) ? value.ToDisplayString(Plain) : type.Name;
        var bundle = new Dictionary<string, string> { [Html] = value.ToDisplayString(Html), [Plain] = plain };
        if (HasRegistered(type, PlotlyJson)) bundle[PlotlyJson] = value.ToDisplayString(PlotlyJson);
        return bundle;
    }

    private static bool HasRegistered(Type type, string mimeType) =>
        Formatter.RegisteredFormatters(false).Any(f => f.MimeType == mimeType && f.Type.IsAssignableFrom(type));
}
