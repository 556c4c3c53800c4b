using LowRankSparse.Experiments.RealData;
using LowRankSparse.Figures;
using LowRankSparse.Util;

namespace LowRankSparse.Report;

/// <summary>Writes the outputs of a `realdata` run: figures/*.csv, report.html, then results.json last (each atomically).</summary>
public static class RealDataFiles
{
    public static readonly string[] OwnFiles = { "results.json", "report.html", "figures" };

    public static void Write(string dir, RealDataResults results)
    {
        File.Delete(Path.Combine(dir, "results.json"));
        var figures = RealDataFigures.All(results);
        foreach (var f in figures) Json.WriteAtomically(Path.Combine(dir, "figures", f.Id + ".csv"), f.Data.ToCsv());
        Json.WriteAtomically(Path.Combine(dir, "report.html"), RealDataReport.Render(results, figures));
        Json.WriteAtomically(Path.Combine(dir, "results.json"), Json.Serialize(results));
    }
}
