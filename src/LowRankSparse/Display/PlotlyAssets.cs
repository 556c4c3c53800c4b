using System.Reflection;

namespace LowRankSparse.Display;

/// <summary>
/// plotly.js as shipped inside Plotly.NET (an embedded resource), so every page and notebook output renders offline.
/// The default Plotly.NET HTML loads plotly.js from a CDN, which renders blank without internet.
/// </summary>
public static class PlotlyAssets
{
    private static readonly Lazy<string> Js = new(Load);

    /// <summary>The minified plotly.js source.</summary>
    public static string Script => Js.Value;

    /// <summary>A <c>&lt;script&gt;</c> element holding plotly.js, for the head of a page (once per page).</summary>
    public static string ScriptTag => "<script type=\"text/javascript\">" + Script + "</script>";

    private static string Load()
    {
        Assembly assembly = typeof(Plotly.NET.GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().First(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
