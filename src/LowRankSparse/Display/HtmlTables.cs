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
    public static string Verdicts(IEnumerable<Verdict> verdicts)
    {
        var sb = new StringBuilder("<table class=\"verdicts\"><tr><th>claim</th><th>tag</th><th>prediction</th><th>measurement</th><th>holds?</th></tr>");
        foreach (var v in verdicts)
            sb.Append($"<tr><td>{E(v.Claim)}</td><td>{Tag(v.Tag)}</td><td>{E(v.Predicted)}</td><td>{E(v.Measured)}</td>")
              .Append($"<td class=\"{(v.Holds ? "yes" : "no")}\" style=\"color:{(v.Holds ? "#0a7a2f" : "#b00020")};font-weight:bold\">{(v.Holds ? "holds" : "does not hold")}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    /// <param name="highlighted">Keys (section.key) to highlight, e.g. those a run overrode with --set.</param>
    public static string Config(ExperimentConfig config, IReadOnlySet<string>? highlighted = null)
    {
        var sb = new StringBuilder("<table><tr><th>key</th><th>value</th><th>tag</th><th>note</th></tr>");
        foreach (var (key, value, tag, note) in ConfigTags.Rows(config))
            sb.Append(highlighted?.Contains(key) == true ? "<tr class=\"override\" style=\"background:#fef3c7\">" : "<tr>")
              .Append($"<td><code>{E(key)}</code></td><td>{E(value)}</td><td>{Tag(tag)}</td><td>{E(note)}</td></tr>");
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
