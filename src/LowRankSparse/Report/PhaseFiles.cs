using LowRankSparse.Figures;
using LowRankSparse.Phase;
using LowRankSparse.Util;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Report;

/// <summary>Writes a phase grid's outputs: figures/*.csv (one per heatmap, every cell), cells.csv (every cell and quantity), phase.html, then
/// results.json last; or a shard's shard.json alone (<see cref="WriteShard"/>).</summary>
public static class PhaseFiles
{
    public static readonly string[] OwnFiles = { "results.json", "phase.html", "cells.csv", "figures", ReportFiles.Publication, PhaseMerge.ShardFile };

    public static void Write(string dir, PhaseResult result)
    {
        File.Delete(Path.Combine(dir, "results.json"));
        File.Delete(Path.Combine(dir, PhaseMerge.ShardFile));   // a whole grid now, not a shard of one
        foreach (var (path, content) in Render(result)) Json.WriteAtomically(Path.Combine(dir, path), content);
        Json.WriteAtomically(Path.Combine(dir, "results.json"), Json.Serialize(result));
    }

    /// <summary>A shard's cells: shard.json only (no page or heatmaps, which need every cell; <c>phase merge</c> writes them). An earlier
    /// whole grid's results.json in the folder is removed first, so the folder never passes for a complete grid.</summary>
    public static void WriteShard(string dir, PhaseShardResult shard)
    {
        File.Delete(Path.Combine(dir, "results.json"));
        Json.WriteAtomically(Path.Combine(dir, PhaseMerge.ShardFile), Json.Serialize(shard));
    }

    /// <summary>A grid's files but its results.json, by path relative to its folder: figures/ID.csv, cells.csv, phase.html.</summary>
    public static IReadOnlyList<(string Path, string Content)> Render(PhaseResult result)
    {
        var figures = PhaseFigures.All(result);
        var files = figures.Select(f => (Path.Combine("figures", f.Id + ".csv"), f.Data.ToCsv())).ToList();
        files.Add(("cells.csv", Cells(result).ToCsv()));
        files.Add(("phase.html", PhasePage.Render(result, figures)));
        return files;
    }

    /// <summary>The folder of a grid inside a reproduce output, e.g. <c>phase/qk_init_scale-learning_rate</c>.</summary>
    public static string FolderOf(PhaseResult r) => Path.Combine("phase", $"{r.XAxis}-{r.YAxis}");

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
            row.AddRange(PhaseClaims.All.Select(claim => (object?)VerdictStatusText.Of(c.Verdict(claim).Status)));
            table.Add(row.ToArray());
        }
        return table;
    }
}
