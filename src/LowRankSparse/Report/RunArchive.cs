using System.Globalization;
using System.Text.Json.Nodes;
using LowRankSparse.Experiments;

namespace LowRankSparse.Report;

/// <summary>
/// Keeps an earlier run when a new one is written into its folder: copies its outputs to <c>previous/STAMP/</c> (STAMP = when
/// the earlier run started, or its results.json's time), results.json last, so an archive folder is complete exactly when it
/// holds a results.json. Archive folders left incomplete by a killed process are removed.
/// </summary>
public static class RunArchive
{
    public const string Folder = "previous";

    /// <summary>Archives the run in <paramref name="dir"/> if it has a results.json; returns the archive folder, or null.</summary>
    public static string? Keep(string dir, IReadOnlyList<string> ownFiles, Action<string>? step = null)
    {
        RemoveIncomplete(dir);
        string results = Path.Combine(dir, "results.json");
        if (!File.Exists(results)) return null;
        string target = FreeName(Path.Combine(dir, Folder, Stamp(results)));
        string partial = target + ".partial";
        Directory.CreateDirectory(partial);
        foreach (string name in ownFiles.Where(n => n != "results.json"))
        {
            string source = Path.Combine(dir, name);
            if (File.Exists(source)) File.Copy(source, Path.Combine(partial, name), overwrite: true);
            else if (Directory.Exists(source)) CopyTree(source, Path.Combine(partial, name));
            step?.Invoke("archived " + name);
        }
        File.Copy(results, Path.Combine(partial, "results.json"), overwrite: true);
        step?.Invoke("archived results.json");
        Directory.Move(partial, target);   // complete: appears under its final name in one step
        return target;
    }

    private static void RemoveIncomplete(string dir)
    {
        string root = Path.Combine(dir, Folder);
        if (!Directory.Exists(root)) return;
        foreach (string d in Directory.EnumerateDirectories(root, "*.partial")) Directory.Delete(d, recursive: true);
    }

    private static string Stamp(string resultsPath)
    {
        string? started = SettingsDiff.Read(resultsPath)?["provenance"] is JsonObject p ? p["started_utc"]?.GetValue<string>() : null;
        var time = started is not null && DateTime.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t : File.GetLastWriteTimeUtc(resultsPath);
        return time.ToString("yyyy-MM-ddTHH-mm-ssZ", CultureInfo.InvariantCulture);
    }

    private static string FreeName(string path)
    {
        string candidate = path;
        for (int i = 2; Directory.Exists(candidate) || Directory.Exists(candidate + ".partial"); i++) candidate = $"{path}-{i}";
        return candidate;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string f in Directory.EnumerateFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
        foreach (string d in Directory.EnumerateDirectories(from)) CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
