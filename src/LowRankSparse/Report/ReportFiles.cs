using LowRankSparse.Experiments;
using LowRankSparse.Figures;
using LowRankSparse.Util;

namespace LowRankSparse.Report;

/// <summary>
/// Writes the outputs of a reproduction so that a results.json in the folder always belongs to a complete set, whenever the
/// process is killed: the new set is written into a hidden staging folder first; then an earlier run is archived
/// (<see cref="RunArchive"/>: <c>previous/STAMP/</c>), its results.json removed, the new figures/ and report.html moved in,
/// and results.json moved in last. With static figures (<c>reproduce --figures</c>) their folder <see cref="Publication"/> is
/// staged, archived and replaced the same way, so it always belongs to the results.json beside it. Only then are the archives beyond
/// the newest few deleted (<see cref="RunArchive.Prune"/>).
/// </summary>
public static class ReportFiles
{
    /// <summary>The folder of static figures (SVG, PNG, PDF and CSV per figure) that <c>figures</c> and <c>reproduce --figures</c> write.</summary>
    public const string Publication = "publication";

    public static readonly string[] OwnFiles = { "results.json", "report.html", "figures", "phase", Publication };

    private const string StagingPrefix = ".incoming-";

    /// <summary>Tests only: called after each step of <c>Write</c>; throwing there stands for the process being killed at that moment.</summary>
    [ThreadStatic] internal static Action<string>? Step;

    /// <summary>The files of one run, rendered: figures/ID.csv, report.html, results.json and each phase grid's page and CSVs
    /// (<see cref="PhaseFiles.FolderOf"/>, paths relative to the output folder).</summary>
    public sealed record Set(IReadOnlyList<(string Id, string Csv)> Figures, string Html, string Json, IReadOnlyList<(string Path, string Content)>? Phase = null);

    /// <param name="figures">The run's <see cref="ReportFigures.All"/> when the caller has them already (to draw them as static figures too).</param>
    public static Set Render(ReproduceResults results, IReadOnlyList<Figure>? figures = null)
    {
        figures ??= ReportFigures.All(results);
        var phase = results.Phase.SelectMany(g => PhaseFiles.Render(g).Select(f => (Path.Combine(PhaseFiles.FolderOf(g), f.Path), f.Content))).ToList();
        return new Set(figures.Select(f => (f.Id, f.Data.ToCsv())).ToList(), HtmlReport.Render(results, figures), Json.Serialize(results), phase);
    }

    /// <summary>Writes the set; returns the folder the earlier run was archived to, or null when there was none.</summary>
    public static string? Write(string dir, ReproduceResults results) => Write(dir, Render(results));

    /// <param name="publication">Writes the static figures into the folder it is given (staged with the rest); null: none.</param>
    /// <param name="keepPrevious">Earlier runs to keep in previous/ (the one just replaced included); older ones are deleted only after
    /// the new run is complete, results.json in place.</param>
    public static string? Write(string dir, Set set, Action<string>? publication = null, int keepPrevious = RunArchive.DefaultKeep)
    {
        foreach (string stale in Directory.EnumerateDirectories(dir, StagingPrefix + "*")) Directory.Delete(stale, recursive: true);   // a killed run's
        string staging = Path.Combine(dir, StagingPrefix + Environment.ProcessId);
        Directory.CreateDirectory(staging);
        foreach (var (id, csv) in set.Figures) Json.WriteAtomically(Path.Combine(staging, "figures", id + ".csv"), csv);
        foreach (var (path, content) in set.Phase ?? []) Json.WriteAtomically(Path.Combine(staging, path), content);
        Json.WriteAtomically(Path.Combine(staging, "report.html"), set.Html);
        Json.WriteAtomically(Path.Combine(staging, "results.json"), set.Json);
        publication?.Invoke(Path.Combine(staging, Publication));
        Step?.Invoke("staged");

        string? archived = RunArchive.Keep(dir, OwnFiles, Step);
        File.Delete(Path.Combine(dir, "results.json"));   // until the new set is complete, no results.json vouches for the folder
        Step?.Invoke("removed results.json");
        string oldFigures = Path.Combine(dir, "figures");
        if (Directory.Exists(oldFigures)) Directory.Delete(oldFigures, recursive: true);
        Step?.Invoke("removed figures");
        Directory.Move(Path.Combine(staging, "figures"), oldFigures);
        Step?.Invoke("moved figures");
        ReplaceFolder(staging, dir, "phase");
        Step?.Invoke("moved phase");
        ReplaceFolder(staging, dir, Publication);
        File.Move(Path.Combine(staging, "report.html"), Path.Combine(dir, "report.html"), overwrite: true);
        Step?.Invoke("moved report.html");
        File.Move(Path.Combine(staging, "results.json"), Path.Combine(dir, "results.json"), overwrite: true);
        Step?.Invoke("moved results.json");
        Directory.Delete(staging, recursive: true);
        RunArchive.Prune(dir, keepPrevious);
        Step?.Invoke("pruned previous");
        return archived;
    }

    /// <summary>Replaces the folder <paramref name="name"/> of <paramref name="dir"/> by the staged one, or removes it when none was staged
    /// (the earlier run's copy is in previous/ by now).</summary>
    private static void ReplaceFolder(string staging, string dir, string name)
    {
        string old = Path.Combine(dir, name);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(Path.Combine(staging, name))) Directory.Move(Path.Combine(staging, name), old);
    }
}
