using System.Globalization;
using System.Text.Json.Nodes;
using LowRankSparse.Config;
using LowRankSparse.Experiments;

namespace LowRankSparse.Report;

/// <summary>
/// Keeps an earlier run when a new one is written into its folder: copies its outputs to <c>previous/STAMP/</c> (STAMP = when
/// the earlier run started, or its results.json's time), results.json last, so an archive folder is complete exactly when it
/// holds a results.json. Archive folders left incomplete by a killed process are removed. <see cref="Prune"/> keeps the newest few
/// (called only once the new run is complete).
/// </summary>
public static class RunArchive
{
    public const string Folder = "previous";

    /// <summary>Earlier runs kept in previous/ by default (<c>reproduce --keep-previous</c>) [ours].</summary>
    public const int DefaultKeep = 5;

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

    /// <summary>
    /// Deletes all but the <paramref name="keep"/> newest complete archives in previous/ (newest by the start time in the folder's
    /// name, then its -2, -3 … suffix); folders of any other name are left alone. Returns the folders deleted.
    /// </summary>
    public static IReadOnlyList<string> Prune(string dir, int keep)
    {
        string root = Path.Combine(dir, Folder);
        if (!Directory.Exists(root)) return [];
        var archives = Directory.EnumerateDirectories(root)
            .Select(d => (Path: d, Order: Order(Path.GetFileName(d))))
            .Where(a => a.Order is not null && File.Exists(Path.Combine(a.Path, "results.json")))
            .OrderByDescending(a => a.Order!.Value.Time).ThenByDescending(a => a.Order!.Value.Suffix)
            .Skip(Math.Max(0, keep)).Select(a => a.Path).ToList();
        foreach (string old in archives) Directory.Delete(old, recursive: true);
        return archives;
    }

    /// <summary>The stamp and suffix of an archive folder's name (<c>2026-01-01T00-00-01Z</c>, <c>…Z-2</c>); null for any other name.</summary>
    private static (DateTime Time, int Suffix)? Order(string name)
    {
        const string format = "yyyy-MM-ddTHH-mm-ssZ";
        if (name.Length < format.Length || !DateTime.TryParseExact(name[..format.Length], format, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)) return null;
        string rest = name[format.Length..];
        if (rest == "") return (time, 1);
        return rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? (time, n) : null;
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
