namespace LowRankSparse.Hosting;

/// <summary>A chart library's script (e.g. plotly.js): inlined once in a page's head, or written beside executed notebooks.</summary>
/// <param name="FileName">The file chart outputs load when their page has no script, e.g. <c>plotly-2.27.1.min.js</c>.</param>
/// <param name="Script">The script's source (read on first use: it may be megabytes).</param>
public sealed record ChartAssets(string FileName, Lazy<string> Script)
{
    /// <summary>A <c>&lt;script&gt;</c> element holding the script, for the head of a page.</summary>
    public string ScriptTag => "<script type=\"text/javascript\">" + Script.Value + "</script>";

    /// <summary>Writes <see cref="FileName"/> into a folder unless an identical copy is there; returns its path.</summary>
    public string WriteInto(string folder)
    {
        string path = Path.Combine(folder, FileName);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Script.Value);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length) return path;
        string temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";     // another process may write the same file: never expose a half-written one
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
