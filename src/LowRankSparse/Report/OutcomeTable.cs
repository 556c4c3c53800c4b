using System.Net;
using System.Text;
using LowRankSparse.Display;
using LowRankSparse.Experiments;
using LowRankSparse.Util;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Report;

/// <summary>
/// The top of the report (issue #24): one row per claim — what the paper claims, what we measured (the deciding quantity with its 95 %
/// interval over seeds), the outcome with its margin, and whether the run is inside the theorem's conditions — under a sentence that
/// counts the outcomes. Nothing here is a verdict of its own: every word comes from the verdicts below it.
/// </summary>
public static class OutcomeTable
{
    public const string Id = "at-a-glance";

    public static string Html(ReproduceResults r)
    {
        var v = r.Verdicts;
        int holds = v.Count(x => x.Status == VerdictStatus.Holds);
        var sb = new StringBuilder($"<h2 id=\"{Id}\">At a glance: {E(Headline(v))}</h2>");
        sb.Append("<p>Each row: the claim as this project states it (the paper's words are quoted further down), the measured quantity that decides it ")
          .Append($"with its 95 % Student-t interval over seeds, the outcome — <em>holds</em> when the interval clears the threshold, <em>not reproduced</em> ")
          .Append("when it lies on the wrong side, <em>inconclusive</em> when it straddles it, <em>not applicable</em> when the precondition is not met — and ")
          .Append("whether the run is inside the theorem's sufficient conditions (outside them an outcome neither confirms nor refutes the paper).</p>");
        sb.Append("<table class=\"glance\"><tr><th>the paper claims</th><th>we measured (95 % interval over seeds)</th><th>outcome</th><th>inside the theory's conditions?</th></tr>");
        foreach (var x in v)
        {
            var deciding = Criterion.Deciding(x.Criteria.ToList());
            string measured = deciding is null ? E(Short(x.Measured))
                : E($"{deciding.Quantity} {Fmt.F(deciding.Mean, 4)}" + (deciding.Seeds > 1 ? $" [{Fmt.F(deciding.Lo, 4)}, {Fmt.F(deciding.Hi, 4)}]" : " (1 seed)") +
                    $" against {deciding.Symbol} {Fmt.F(deciding.Threshold, 4)}, {deciding.Seeds} seeds") +
                  (x.Criteria.Count > 1 ? $" <small>(the deciding one of {x.Criteria.Count} criteria)</small>" : "");
            string cls = HtmlTables.OutcomeClass(x.Status);
            string outcome = x.OutcomeWords + (x.Margin is double m ? $" <small>(margin {Fmt.F(m, 1)} half-widths)</small>" : "");
            string inside = x.InsideTheory switch { true => "inside", false => "outside: " + E(x.ConditionsBroken ?? ""), null => "not evaluated" };
            sb.Append($"<tr><td><a href=\"#verdict-{E(x.Id)}\">{E(x.Claim)}</a> <span class=\"tag {E(x.Tag)}\">{E(x.Tag)}</span></td><td>{measured}</td>")
              .Append($"<td class=\"{cls}\">{outcome}</td><td>{inside}</td></tr>");
        }
        return sb.Append("</table>").ToString();
    }

    /// <summary>E.g. "3 of 14 claims hold, 9 not reproduced, 2 inconclusive" — and, when most fail or fewer than half hold, a clause that says so.</summary>
    public static string Headline(IReadOnlyList<Verdict> v)
    {
        string counts = VerdictSummary.Counts(v);
        int holds = v.Count(x => x.Status == VerdictStatus.Holds), fails = v.Count(x => x.Status == VerdictStatus.Fails);
        return fails * 2 > v.Count ? $"{counts} — most of the claims are not reproduced by this run"
            : holds * 2 < v.Count ? $"{counts} — fewer than half of the claims hold on this run" : counts;
    }

    private static string Short(string s) => s.Length <= 160 ? s : s[..157] + "…";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
