using System.Net;
using System.Text;
using LowRankSparse.Experiments;
using LowRankSparse.Figures;
using LowRankSparse.Phase;

namespace LowRankSparse.Report;

/// <summary>
/// The report's phase-diagram section (issue #15): per grid, the theory's conditions, the predicted boundary beside the measured
/// one, the low-rank heatmap with every cell's verdict, and a link to the grid's own page with all its heatmaps and CSVs.
/// </summary>
public static class PhaseReport
{
    public static bool IsPhaseFigure(string id) => id.StartsWith("phase_", StringComparison.Ordinal);

    public static string Section(ReproduceResults r, IReadOnlyList<Figure> figures)
    {
        var sb = new StringBuilder("<h2 id=\"phase-diagrams\">Phase diagrams: where the claims hold and where they break</h2>");
        if (r.Phase.Count == 0)
            return sb.Append("<p class=\"note\">No phase grid was run (<code>reproduce --no-phase</code>); the <code>phase</code> command draws one.</p>").ToString();
        sb.Append("<p>The theorems hold under conditions [paper]: α* &gt; α#, τ below about 1/M, a well-conditioned initial attention, m ≳ M² log N. ")
          .Append("Each grid below varies two of them around the configuration of this run; every cell is trained for several seeds and judged by the same ")
          .Append("checks as the verdicts above (not applicable where a cell has not converged or a seed diverged). Dashed: the predicted boundary (its constants ")
          .Append("are [ours]); dotted: the measured one — the midpoint between the last cell that holds and the first that fails. Every cell is in ")
          .Append("<code>results.json</code> (<code>phase</code>) and in each grid's <code>cells.csv</code>.</p>");
        foreach (var g in r.Phase)
        {
            string folder = PhaseFiles.FolderOf(g).Replace('\\', '/');
            int cells = g.Cells.Count, diverged = g.Cells.Count(c => c.Diverged);
            sb.Append($"<h3 id=\"phase-{E(g.XAxis)}-{E(g.YAxis)}\">{E(g.XSymbol)} × {E(g.YSymbol)}</h3>")
              .Append($"<p>{g.XValues.Count} × {g.YValues.Count} cells × {g.Seeds} seeds over <code>{E(g.XField)}</code> and <code>{E(g.YField)}</code>")
              .Append(diverged > 0 ? $"; {diverged} of {cells} cells with a diverged seed (marked ✱, kept)" : "")
              .Append($". Conditions on this grid: {E(string.Join("; ", g.Conditions))}. ")
              .Append($"<a href=\"{folder}/phase.html\">All {PhaseMetric.All.Count} heatmaps of this grid</a>, <a href=\"{folder}/cells.csv\">every cell (CSV)</a>.</p>")
              .Append(PhasePage.BoundaryTable(g));
            var f = figures.FirstOrDefault(x => x.Id == PhaseFigures.Id(g, ReportFigures.PhaseShown));
            if (f is not null) sb.Append(FigureSection.Html(f, heading: 4));
        }
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
