using System.Net;
using System.Text;
using LowRankSparse.Display;
using LowRankSparse.Figures;
using Plotly.NET;

namespace LowRankSparse.Compare;

/// <summary>A <see cref="RunComparison"/> as a self-contained HTML page (plotly.js inlined): the tables and the overlaid curves.</summary>
public static class ComparisonHtml
{
    public static string Render(RunComparison c)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LowRankSparse: two runs compared</title>")
          .Append(Style).Append(PlotlyAssets.ScriptTag).Append("</head><body><main><h1>Two runs compared</h1><ul>")
          .Append($"<li><strong>A</strong>: {E(c.A.Label)} — <code>{E(c.A.Path)}</code></li>")
          .Append($"<li><strong>B</strong>: {E(c.B.Label)} — <code>{E(c.B.Path)}</code></li></ul>");

        sb.Append("<h2>Settings that differ</h2>");
        if (c.Settings.Count == 0) sb.Append("<p>None: both runs used the same settings.</p>");
        else
        {
            sb.Append("<table><tr><th>setting</th><th>A</th><th>B</th></tr>");
            foreach (var d in c.Settings) sb.Append($"<tr><td><code>{E(d.Key)}</code></td><td>{E(d.Before ?? "–")}</td><td>{E(d.After ?? "–")}</td></tr>");
            sb.Append("</table>");
        }

        sb.Append("<h2>Verdicts that changed</h2>");
        if (c.Verdicts.Count == 0) sb.Append($"<p>None ({c.VerdictsUnchanged} claims have the same verdict in both).</p>");
        else
        {
            sb.Append("<table><tr><th>claim</th><th>A</th><th>B</th><th>measured in A</th><th>measured in B</th></tr>");
            foreach (var v in c.Verdicts)
                sb.Append($"<tr class=\"changed\"><td>{E(v.Claim)}</td><td>{ComparisonMarkdown.Holds(v.StatusA)}</td><td>{ComparisonMarkdown.Holds(v.StatusB)}</td>")
                  .Append($"<td>{E(v.MeasuredA ?? "–")}</td><td>{E(v.MeasuredB ?? "–")}</td></tr>");
            sb.Append($"</table><p>{c.VerdictsUnchanged} other claims have the same verdict in both.</p>");
        }

        sb.Append("<h2>Metrics (mean ± std over seeds)</h2><table><tr><th>metric</th><th>A</th><th>B</th><th>B − A</th><th>in spreads</th></tr>");
        foreach (var m in c.Metrics)
            sb.Append(m.Notable ? "<tr class=\"notable\">" : "<tr>")
              .Append($"<td>{E(m.Name)}</td><td>{E(ComparisonMarkdown.Band(m.MeanA, m.StdA))}</td><td>{E(ComparisonMarkdown.Band(m.MeanB, m.StdB))}</td>")
              .Append($"<td>{E(ComparisonMarkdown.Num(m.Delta))}</td><td>{E(ComparisonMarkdown.Num(m.InSpreads))}</td></tr>");
        sb.Append("</table><p class=\"note\">in spreads = |B − A| / √(std_A² + std_B²); highlighted beyond 2: more than the seeds alone explain.</p>");

        sb.Append("<h2>Curves, overlaid</h2>");
        foreach (var group in c.Curves.GroupBy(p => p.YTitle))
        {
            var traces = group.SelectMany(p => new[]
            {
                Charts.Band(p.A.X, p.A.Mean, p.A.Std, $"A: {p.Name}"),
                Charts.Band(p.B.X, p.B.Mean, p.B.Std, $"B: {p.Name}"),
            });
            var chart = Charts.Styled(Charts.Combine(traces), $"Pruning W_O neurons: {group.Key}, A vs B", "pruning rate R (fraction of neurons removed)", group.Key);
            sb.Append($"<section class=\"figure\">{GenericChart.toChartHTML(chart)}</section>");
        }
        return sb.Append("</main></body></html>").ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static readonly string Style = PageStyle.Element("tr.notable td, tr.changed td { background: #fef3c7; } .note { color: #555; font-size: 0.9rem; }");
}
