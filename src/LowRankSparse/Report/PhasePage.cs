using System.Net;
using System.Text;
using LowRankSparse.Display;
using LowRankSparse.Figures;
using LowRankSparse.Phase;

namespace LowRankSparse.Report;

/// <summary>The self-contained page of one phase grid: conditions, measured vs predicted boundaries, one heatmap per quantity, timing. plotly.js inlined.</summary>
public static class PhasePage
{
    public static string Render(PhaseResult r, IReadOnlyList<Figure> figures)
    {
        var sb = new StringBuilder();
        string title = $"Phase diagram: {r.XSymbol} × {r.YSymbol}";
        sb.Append($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title>").Append(Style).Append(PlotlyAssets.ScriptTag)
          .Append("</head><body><main>");
        sb.Append($"<h1>{E(title)}</h1>");
        sb.Append($"<p>{r.XValues.Count} × {r.YValues.Count} grid over <code>{E(r.XField)}</code> ({E(r.XAxis)}) and <code>{E(r.YField)}</code> ({E(r.YAxis)}), ")
          .Append($"{r.Seeds} seeds per cell, every other value from the base config; pruning gap at R = {r.PruneRate}. Each cell's claims are judged by the ")
          .Append("same public checks as the report's verdicts; a claim is <em>not applicable</em> where the model has not converged (test hinge &gt; 0.05) or a seed diverged. ")
          .Append("Every cell is in <code>results.json</code> and in the CSVs.</p>");
        sb.Append("<h2>The theory's conditions on this grid</h2><ul>");
        foreach (var c in r.Conditions) sb.Append($"<li>{E(c)}</li>");
        sb.Append("</ul><h2>Measured vs predicted boundary</h2>").Append(BoundaryTable(r));
        foreach (var f in figures)
            sb.Append(FigureSection.Html(f));
        var t = r.Timing;
        sb.Append("<h2>Run</h2><p>").Append(E($"{t.Seconds:F1} s wall ({t.TrainSeconds:F1} s set-up and training, {t.MeasureSeconds:F1} s measuring), " +
            $"{t.TrainMsPerSeedStep:F3} ms per seed-step in the training loops ({t.ZeroGradientFraction:P0} of the seed-steps had a zero gradient — the hinge inactive on every sample of their stacked program — and skipped the backward pass), expected {t.EstimatedSeconds:F0} s on 2 quiet cores; {t.ProcessorCount} cores.")).Append("</p>");
        sb.Append("<h2>Base configuration</h2>").Append(HtmlTables.Config(r.BaseConfig)).Append("</main></body></html>");
        return sb.ToString();
    }

    /// <summary>Per claim and condition: the predicted boundary beside the measured one on every line of the grid, and how many applicable cells agree.</summary>
    public static string BoundaryTable(PhaseResult r)
    {
        var sb = new StringBuilder("<table><tr><th>claim</th><th>condition</th><th>predicted vs measured, line by line</th><th>inside the (sufficient) condition: holds / fails (disagrees) / inconclusive; outside: holds (not predicted)</th></tr>");
        foreach (var b in r.Boundaries)
        {
            var axis = PhaseAxis.Named(b.Axis);
            var other = PhaseAxis.Named(b.OtherAxis);
            sb.Append($"<tr><td>{E(b.Claim)}</td><td>{E(b.Condition)}</td><td>")
              .Append(E(string.Join("; ", b.Rows.Select(row => $"{other.Symbol} = {other.Format(row.Other)}: predicted {axis.Symbol} = {axis.Format(row.Predicted)}, measured: {row.Measurement}"))))
              .Append($"</td><td>{b.Agree} / {b.Disagree} / {b.Inconclusive} of {b.Applicable} applicable cells inside; {b.OutsideHolds} of {b.Outside} outside</td></tr>");
        }
        return sb.Append("</table>").ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static readonly string Style = PageStyle.Element("");
}
