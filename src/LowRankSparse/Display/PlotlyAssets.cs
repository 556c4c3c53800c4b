using System.Reflection;

namespace LowRankSparse.Display;

/// <summary>
/// plotly.js as shipped inside Plotly.NET (an embedded resource), so every page and notebook output renders offline.
/// The default Plotly.NET HTML loads plotly.js from a CDN, which renders blank without internet. Pages inline it once
/// (<see cref="ScriptTag"/>); notebook outputs load it from <see cref="FileName"/> beside the notebook (<see cref="WriteInto"/>).
/// </summary>
public static class PlotlyAssets
{
    private static readonly Lazy<(string Name, string Js)> Resource = new(Load);

    /// <summary>The minified plotly.js source.</summary>
    public static string Script => Resource.Value.Js;

    /// <summary>A <c>&lt;script&gt;</c> element holding plotly.js, for the head of a page (once per page).</summary>
    public static string ScriptTag => "<script type=\"text/javascript\">" + Script + "</script>";

    /// <summary>The file a notebook's chart outputs load when their page has no plotly.js, e.g. <c>plotly-2.27.1.min.js</c> (versioned, so a stale copy is never used).</summary>
    public static string FileName => Resource.Value.Name;

    /// <summary>Writes <see cref="FileName"/> into a folder unless an identical copy is there; returns its path.</summary>
    public static string WriteInto(string folder)
    {
        string path = Path.Combine(folder, FileName);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Script);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length) return path;
        string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";     // another process may write the same file: never expose a half-written one
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
        return path;
    }

    private static (string, string) Load()
    {
        Assembly assembly = typeof(Plotly.NET.GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().First(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return (name["Plotly.NET.".Length..], reader.ReadToEnd());
    }
}
