using System.Globalization;
using System.Net;
using System.Text;
using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Training;
using LowRankSparse.Util;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Display;

/// <summary>HTML tables shared by the report and the notebook formatters (one rendering of each concept).</summary>
public static class HtmlTables
{
    /// <param name="figuresOf">Where the evidence of a claim is drawn (figure ids on the same page), linked from its row.</param>
    /// <param name="linkGuide">Link each claim to its paper statement (#claim-id) and the terms of its cells to the glossary, on a page that
    /// has both (the report).</param>
    public static string Verdicts(IEnumerable<Verdict> verdicts, Func<string, IReadOnlyList<string>>? figuresOf = null, bool linkGuide = false)
    {
        var sb = new StringBuilder("<table class=\"verdicts\"><tr><th>claim</th><th>tag</th><th>precondition</th><th>prediction</th><th>measurement</th>" +
                                   "<th>outcome</th><th>control (the theory predicts it fails)</th></tr>");
        foreach (var v in verdicts)
        {
            var (cls, colour) = v.Status switch
            {
                VerdictStatus.Holds => ("yes", "#0a7a2f"),
                VerdictStatus.Fails => ("no", "#b00020"),
                VerdictStatus.Inconclusive => ("unsure", "#1f4e9c"),
                _ => ("na", "#8a6d00"),
            };
            var figures = figuresOf?.Invoke(v.Id) ?? [];
            var targets = (linkGuide ? [$"<a href=\"#claim-{E(v.Id)}\">statement</a>"] : Array.Empty<string>())
                .Concat(figures.Select(f => $"<a href=\"#{E(f)}\">{E(f.Replace('_', ' '))}</a>")).ToList();
            string links = targets.Count == 0 ? "" : " <small>(" + string.Join(", ", targets) + ")</small>";
            string Cell(string text) => linkGuide ? GlossaryTables.Link(E(text)) : E(text);
            sb.Append($"<tr id=\"verdict-{E(v.Id)}\"><td>{E(v.Claim)}{links}</td><td>{Tag(v.Tag)}</td><td>{Cell(v.Precondition)}</td><td>{Cell(v.Predicted)}</td><td>{Cell(v.Measured)}</td>")
              .Append($"<td class=\"{cls}\" style=\"color:{colour};font-weight:bold\">{E(v.StatusText)}{MarginText(v)}</td>")
              .Append(v.Control is null ? "<td>–</td>" :
                  $"<td><em>{E(v.Control.Setting)}</em>: {Cell(v.Control.Measured)} — <strong style=\"color:{v.Control.Outcome switch { VerdictStatus.Fails => "#0a7a2f", VerdictStatus.NotApplicable => "#8a6d00", VerdictStatus.Inconclusive => "#1f4e9c", _ => "#b00020" }}\">" +
                  $"{ControlText(v.Control)}</strong></td>")
              .Append("</tr>");
        }
        return AlignLeft(sb.Append("</table>").ToString());
    }

    /// <summary>The CSS class of an outcome (page style: td.yes, td.no, td.unsure, td.na), the same in every table of verdicts.</summary>
    public static string OutcomeClass(VerdictStatus s) => s switch
    {
        VerdictStatus.Holds => "yes", VerdictStatus.Fails => "no", VerdictStatus.Inconclusive => "unsure", _ => "na",
    };

    /// <summary>How far the deciding threshold could move before the outcome flips, beside the outcome.</summary>
    private static string MarginText(Verdict v) => v.Margin is double m && v.Status != VerdictStatus.NotApplicable
        ? $"<br><small style=\"font-weight:normal\">margin {Fmt.F(m, 2)} half-widths of the 95 % interval</small>" : "";

    /// <summary>What a control's outcome says about the check.</summary>
    public static string ControlText(VerdictControl c) => c.Outcome switch
    {
        VerdictStatus.Fails => "fails, as predicted",
        VerdictStatus.Holds => "holds: the check cannot tell the claim from its absence",
        VerdictStatus.Inconclusive => "inconclusive: its interval straddles the threshold, so the check does not clearly tell the claim from its absence",
        _ => "not applicable",
    };

    /// <param name="highlighted">Keys (section.key) to highlight, e.g. those a run overrode with --set.</param>
    public static string Config(ExperimentConfig config, IReadOnlySet<string>? highlighted = null)
    {
        var sb = new StringBuilder("<table class=\"config\"><tr><th>key</th><th>symbol</th><th>value</th><th>value from</th><th>note</th></tr>");
        foreach (var row in ConfigTags.Rows(config))
            sb.Append(highlighted?.Contains(row.Key) == true ? "<tr class=\"override\" style=\"background:#fef3c7\">" : "<tr>")
              .Append($"<td><code>{E(row.Key)}</code></td><td class=\"symbol\">{Symbol(row.Symbol)}</td><td>{E(row.Value)}</td><td>{Tag(row.Tag)}</td><td>{E(row.Note)}</td></tr>");
        return AlignLeft(sb.Append("</table>").ToString());
    }

    /// <summary>A config key's symbol with its tag; a key the paper has no symbol for says so, tagged ours; an unknown key shows "?".</summary>
    public static string Symbol(ConfigSymbol? symbol) => symbol switch
    {
        null => "?",
        { Symbol: string s } => $"{E(s)} {Tag(symbol.SymbolTag)}",
        _ => $"<span class=\"no-symbol\">no symbol</span> {Tag(symbol.SymbolTag)}",
    };

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

    /// <summary>
    /// Every cell and header of a table of prose aligned left and to the top, in the cell's own style attribute: classic Jupyter's
    /// stylesheet right-aligns table cells (<c>.rendered_html td</c>), and only an inline style beats it in every host, trusted or not.
    /// </summary>
    public static string AlignLeft(string table) => Cell.Replace(table, m =>
    {
        string attributes = m.Groups["attributes"].Value;
        const string align = "text-align:left;vertical-align:top";
        return attributes.Contains("style=\"", StringComparison.Ordinal)
            ? $"<{m.Groups["tag"].Value}{attributes.Replace("style=\"", $"style=\"{align};", StringComparison.Ordinal)}>"
            : $"<{m.Groups["tag"].Value}{attributes} style=\"{align}\">";
    });

    private static readonly System.Text.RegularExpressions.Regex Cell = new(@"<(?<tag>td|th)(?<attributes>(?:\s[^>]*)?)>");

    public static string Tag(string tag) =>
        $"<span class=\"tag {tag}\" style=\"border-radius:4px;padding:0 4px;background:{(tag == "paper" ? "#dbeafe" : "#fde68a")}\">{E(tag)}</span>";

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
