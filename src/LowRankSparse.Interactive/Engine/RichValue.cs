using Microsoft.DotNet.Interactive.Formatting;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// Turns a value into a MIME bundle with Microsoft.DotNet.Interactive.Formatting: text/plain always; text/html too when a
/// formatter was registered for the value's type (e.g. Plotly charts by <see cref="Display.NotebookFormatters"/>). Strings are text only.
/// </summary>
public static class RichValue
{
    public const string Plain = "text/plain";
    public const string Html = "text/html";

    public static DisplayOutput Display(object? value) => new(Bundle(value), value is Plotly.NET.GenericChart);

    public static ExecuteResultOutput Result(object? value, int executionCount) =>
        new(Bundle(value), value is Plotly.NET.GenericChart, executionCount);

    public static IReadOnlyDictionary<string, string> Bundle(object? value)
    {
        if (value is null) return new Dictionary<string, string> { [Plain] = Formatter.NullString };
        if (value is string text) return new Dictionary<string, string> { [Plain] = text };
        var type = value.GetType();
        if (!HasRegistered(type, Html)) return new Dictionary<string, string> { [Plain] = value.ToDisplayString(Plain) };
        // The default plain formatter dumps every property of a rich object (a chart's whole JSON): show its type name instead.
        string plain = HasRegistered(type, Plain) ? value.ToDisplayString(Plain) : type.Name;
        return new Dictionary<string, string> { [Html] = value.ToDisplayString(Html), [Plain] = plain };
    }

    private static bool HasRegistered(Type type, string mimeType) =>
        Formatter.RegisteredFormatters(false).Any(f => f.MimeType == mimeType && f.Type.IsAssignableFrom(type));
}
