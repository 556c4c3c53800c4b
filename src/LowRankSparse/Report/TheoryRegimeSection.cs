using System.Net;
using System.Text;
using LowRankSparse.Experiments;
using LowRankSparse.Figures;
using LowRankSparse.Theory;

namespace LowRankSparse.Report;

/// <summary>
/// Issue #23, at the top of the report: is this run inside the theorem's sufficient conditions (each condition with its value, bound,
/// source and whether it holds), and does attention learning matter on it (full training against W_Q, W_K frozen at W(0))?
/// </summary>
public static class TheoryRegimeSection
{
    public const string Id = "theory-regime";

    public static string Html(ReproduceResults r)
    {
        var sb = new StringBuilder($"<h2 id=\"{Id}\">Where this run stands: the theorem's conditions</h2>");
        var broken = r.TheoryConditions.Where(c => !c.Inside).ToList();
        sb.Append(broken.Count == 0
            ? $"<p class=\"inside\"><strong>This run is inside the theorem's conditions</strong> (all {r.TheoryConditions.Count} below hold), so its outcomes bear on the paper's claims.</p>"
            : $"<p class=\"outside\"><strong>This run is outside the theorem's conditions</strong>: it breaks {E(string.Join(", ", broken.Select(c => c.Symbol)))}. " +
              "Its outcomes neither confirm nor refute the paper; each verdict says so beside its outcome.</p>");
        sb.Append("<p>The sufficient conditions of the theorem this paper builds on (Li et al., ICLR 2023, arXiv 2302.06015), as summarised in ")
          .Append("<code>docs/paper-notes.md</code> §7. Where the theorem gives only an order of magnitude (≳, O(·), Ω(·)) we set the constant to 1 [ours].</p>");
        sb.Append("<table class=\"conditions\"><thead><tr><th style=\"text-align:left\">condition</th><th>value</th><th>bound</th><th style=\"text-align:left\">source</th>")
          .Append("<th>inside?</th><th style=\"text-align:left\">why the theorem needs it</th></tr></thead><tbody>");
        foreach (var c in r.TheoryConditions)
            sb.Append($"<tr><td style=\"text-align:left\">{E(c.Symbol)}</td><td>{E(TheoryCondition.ValueText(c))}</td><td>{E(c.Bound)}</td>")
              .Append($"<td style=\"text-align:left\">{E(c.Source)}</td><td style=\"color:{(c.Inside ? "#15803d" : "#b45309")};font-weight:bold\">{(c.Inside ? "yes" : "no")}</td>")
              .Append($"<td style=\"text-align:left\">{E(c.Why)}</td></tr>");
        sb.Append("</tbody></table>");
        sb.Append($"<h3>Does attention learning matter?</h3><p>{E(r.AttentionMatters.Sentence)} {E(OutputOnly(r))} ")
          .Append($"<a href=\"#{AttentionMattersFigures.Id}\">Figure</a>.</p>");
        return sb.ToString();
    }

    /// <summary>What W_O alone gets, trained on the frozen W(0) (the LoRA section's head-only run, first seed), against full training.</summary>
    public static string OutputOnly(ReproduceResults r)
    {
        double alone = r.LowRank.OutputOnly.TestLoss, full = r.LowRank.FullTestLoss;
        string f(double x) => x.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
        return alone <= full + Thresholds.AttentionMattersLoss
            ? $"W_O alone suffices here: trained on the frozen W(0) (no attention or value updates) it reaches test hinge {f(alone)} against {f(full)} for full training (first seed)."
            : $"W_O alone does not suffice: trained on the frozen W(0) it reaches test hinge {f(alone)} against {f(full)} for full training (first seed).";
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
