using LowRankSparse.Figures;
using LowRankSparse.Phase;
using LowRankSparse.Util;

namespace LowRankSparse.Report;

/// <summary>Writes a phase grid's outputs: figures/*.csv (one per heatmap, every cell), cells.csv (every cell and quantity), phase.html, then results.json last.</summary>
public static class PhaseFiles
{
    public static readonly string[] OwnFiles = { "results.json", "phase.html", "cells.csv", "figures" };

    public static void Write(string dir, PhaseResult result)
    {
        File.Delete(Path.Combine(dir, "results.json"));
        var figures = PhaseFigures.All(result);
        foreach (var f in figures) Json.WriteAtomically(Path.Combine(dir, "figures", f.Id + ".csv"), f.Data.ToCsv());
        Json.WriteAtomically(Path.Combine(dir, "cells.csv"), Cells(result).ToCsv());
        Json.WriteAtomically(Path.Combine(dir, "phase.html"), PhasePage.Render(result, figures));
        Json.WriteAtomically(Path.Combine(dir, "results.json"), Json.Serialize(result));
    }

    /// <summary>One row per cell: axis values, divergence, inside the conditions, every quantity's mean and std, every claim's verdict.</summary>
    public static DataTable Cells(PhaseResult r)
    {
        var columns = new List<string> { r.XAxis, r.YAxis, "seeds", "diverged_seeds", "diverged_at_step", "inside_conditions" };
        columns.AddRange(PhaseMetric.All.SelectMany(m => new[] { m.Id, m.Id + "_std" }));
        columns.AddRange(PhaseClaims.All.Select(c => "verdict_" + c));
        var table = new DataTable(columns.ToArray());
        foreach (var c in r.Cells)
        {
            var row = new List<object?> { c.X, c.Y, c.Seeds, c.DivergedSeeds, c.DivergedAtStep, c.InsideConditions };
            row.AddRange(PhaseMetric.All.SelectMany(m => new object?[] { c.Metrics[m.Id].Mean, c.Metrics[m.Id].Std }));
            row.AddRange(PhaseClaims.All.Select(claim => (object?)PhaseFigures.Status(c.Verdict(claim).Status)));
            table.Add(row.ToArray());
        }
        return table;
    }
}
