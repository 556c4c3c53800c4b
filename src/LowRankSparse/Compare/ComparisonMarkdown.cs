using System.Globalization;
using System.Text;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Compare;

/// <summary>A <see cref="RunComparison"/> as markdown (what <c>compare</c> prints in the terminal).</summary>
public static class ComparisonMarkdown
{
    public static string Render(RunComparison c)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Two runs compared").AppendLine();
        sb.AppendLine($"- **A**: {c.A.Label} — `{c.A.Path}`");
        sb.AppendLine($"- **B**: {c.B.Label} — `{c.B.Path}`").AppendLine();

        sb.AppendLine("## Settings that differ").AppendLine();
        if (c.Settings.Count == 0) sb.AppendLine("None: both runs used the same settings.");
        else
        {
            sb.AppendLine("| setting | A | B |").AppendLine("|---|---|---|");
            foreach (var d in c.Settings) sb.AppendLine($"| `{d.Key}` | {d.Before ?? "–"} | {d.After ?? "–"} |");
        }
        sb.AppendLine();

        sb.AppendLine("## Verdicts that changed").AppendLine();
        if (c.Verdicts.Count == 0) sb.AppendLine($"None ({c.VerdictsUnchanged} claims have the same verdict in both).");
        else
        {
            sb.AppendLine("| claim | A | B | measured in A | measured in B |").AppendLine("|---|---|---|---|---|");
            foreach (var v in c.Verdicts)
                sb.AppendLine($"| {Cell(v.Claim)} | {Holds(v.StatusA)} | {Holds(v.StatusB)} | {Cell(v.MeasuredA ?? "–")} | {Cell(v.MeasuredB ?? "–")} |");
            sb.AppendLine().AppendLine($"{c.VerdictsUnchanged} other claims have the same verdict in both.");
        }
        sb.AppendLine();

        sb.AppendLine("## Metrics (mean ± std over seeds)").AppendLine();
        sb.AppendLine("| metric | A | B | B − A | in spreads |").AppendLine("|---|---|---|---|---|");
        foreach (var m in c.Metrics)
            sb.AppendLine($"| {m.Name} | {Band(m.MeanA, m.StdA)} | {Band(m.MeanB, m.StdB)} | {Num(m.Delta)} | {Spreads(m)} |");
        sb.AppendLine().AppendLine("\"in spreads\" = |B − A| / √(std_A² + std_B²); **bold** beyond 2: more than the seeds alone explain.");
        return sb.ToString();
    }

    /// <summary>Each outcome as itself, in the words of the report (Verdicts.Glossary.Outcomes).</summary>
    internal static string Holds(string? status) => status is null ? "not checked"
        : Verdicts.Glossary.Outcomes.FirstOrDefault(o => o.Json == status) is { Words: string words } ? words : status;

    internal static string Band(double? mean, double? std) => mean is double m ? $"{Num(m)} ± {Num(std ?? 0)}" : "–";

    internal static string Num(double? v) => v switch
    {
        null => "–",
        double x when double.IsInfinity(x) => "∞",
        double x when x != 0 && Math.Abs(x) < 1e-3 => x.ToString("0.##E+0", CultureInfo.InvariantCulture),
        double x => x.ToString("0.####", CultureInfo.InvariantCulture),
    };

    internal static string Spreads(MetricDelta m) => m.InSpreads is double s ? (m.Notable ? $"**{Num(s)}**" : Num(s)) : "–";

    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
