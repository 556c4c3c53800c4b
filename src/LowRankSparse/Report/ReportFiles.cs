using LowRankSparse.Experiments;
using LowRankSparse.Figures;
using LowRankSparse.Util;

namespace LowRankSparse.Report;

/// <summary>
/// Writes the outputs of a reproduction: removes an old results.json, writes figures/*.csv and report.html, then results.json
/// last — each file atomically, so a results.json that exists always belongs to a complete set.
/// </summary>
public static class ReportFiles
{
    public static readonly string[] OwnFiles = { "results.json", "report.html", "figures" };

    public static void Write(string dir, ReproduceResults results)
    {
        File.Delete(Path.Combine(dir, "results.json"));   // until the new set is complete, no results.json vouches for the folder
        var figures = ReportFigures.All(results);
        foreach (var f in figures) Json.WriteAtomically(Path.Combine(dir, "figures", f.Id + ".csv"), f.Data.ToCsv());
        Json.WriteAtomically(Path.Combine(dir, "report.html"), HtmlReport.Render(results, figures));
        Json.WriteAtomically(Path.Combine(dir, "results.json"), Json.Serialize(results));
    }
}
