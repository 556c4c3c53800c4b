using System.Globalization;
using System.Net;
using System.Text;
using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Report;
using LowRankSparse.Theory;

namespace LowRankSparse.Display;

/// <summary>HTML tables shared by the report and the notebook formatters (one rendering of each concept).</summary>
public static class HtmlTables
{
    /// <param name="figuresOf">Where the evidence of a claim is drawn (figure ids on the same page), linked from its row.</param>
    public static string Verdicts(IEnumerable<Verdict> verdicts, Func<string, IReadOnlyList<string>>? figuresOf = null)
    {
        var sb = new StringBuilder("<table class=\"verdicts\"><tr><th>claim</th><th>tag</th><th>precondition</th><th>prediction</th><th>measurement</th>" +
                                   "<th>outcome</th><th>control (the theory predicts it fails)</th></tr>");
        foreach (var v in verdicts)
        {
            var (cls, colour) = v.Status switch
            {
                VerdictStatus.Holds => ("yes", "#0a7a2f"),
                VerdictStatus.Fails => ("no", "#b00020"),
                _ => ("na", "#8a6d00"),
            };
            var figures = figuresOf?.Invoke(v.Id) ?? [];
            string links = figures.Count == 0 ? "" : " <small>(" + string.Join(", ", figures.Select(f => $"<a href=\"#{E(f)}\">{E(f.Replace('_', ' '))}</a>")) + ")</small>";
            sb.Append($"<tr id=\"verdict-{E(v.Id)}\"><td>{E(v.Claim)}{links}</td><td>{Tag(v.Tag)}</td><td>{E(v.Precondition)}</td><td>{E(v.Predicted)}</td><td>{E(v.Measured)}</td>")
              .Append($"<td class=\"{cls}\" style=\"color:{colour};font-weight:bold\">{E(v.StatusText)}</td>")
              .Append(v.Control is null ? "<td>–</td>" :
                  $"<td><em>{E(v.Control.Setting)}</em>: {E(v.Control.Measured)} — <strong style=\"color:{(v.Control.Holds ? "#b00020" : "#0a7a2f")}\">" +
                  $"{(v.Control.Holds ? "holds: the check cannot tell the claim from its absence" : "fails, as predicted")}</strong></td>")
              .Append("</tr>");
        }
        return sb.Append("</table>").ToString();
    }

    public static string Config(ExperimentConfig config)
    {
        var sb = new StringBuilder("<table><tr><th>key</th><th>value</th><th>tag</th><th>note</th></tr>");
        foreach (var (key, value, tag, note) in ConfigTags.Rows(config))
            sb.Append($"<tr><td><code>{E(key)}</code></td><td>{E(value)}</td><td>{Tag(tag)}</td><td>{E(note)}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    public static string Updates(IReadOnlyDictionary<string, UpdateMetrics> metrics)
    {
        var sb = new StringBuilder("<table><tr><th>update</th><th>top-1 energy</th><th>top-2 energy</th><th>rank @99 %</th><th>gap rank</th>" +
                                   "<th>stable rank</th><th>label-relevant energy (input)</th><th>(output)</th><th>leading σ</th></tr>");
        foreach (var (name, m) in metrics)
            sb.Append($"<tr><td>Δ{E(name)}</td><td>{F(m.TopKEnergy[0])}</td><td>{F(m.TopKEnergy.ElementAtOrDefault(1))}</td><td>{m.NumericalRank}</td>")
              .Append($"<td>{m.GapRank}</td><td>{F(m.StableRank)}</td><td>{F(m.LabelRelevantEnergy)}</td>")
              .Append($"<td>{(m.LabelRelevantEnergyOutput is double o ? F(o) : "–")}</td><td>{string.Join(", ", m.SingularValues.Take(4).Select(s => s.ToString("G3", CultureInfo.InvariantCulture)))}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    public static string Tag(string tag) =>
        $"<span class=\"tag {tag}\" style=\"border-radius:4px;padding:0 4px;background:{(tag == "paper" ? "#dbeafe" : "#fde68a")}\">{E(tag)}</span>";

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
