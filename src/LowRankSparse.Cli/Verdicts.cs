using LowRankSparse.Experiments;
using LowRankSparse.Theory;
using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>The verdict table of a reproduction on the console: outcome, measurement and control of every claim.</summary>
internal static class Verdicts
{
    public static void Print(ReproduceResults r)
    {
        var table = new Table().Title("Claims of the paper, checked").AddColumns("claim", "tag", "measured", "outcome", "control (should fail)");
        foreach (var v in r.Verdicts)
            table.AddRow(Markup.Escape(v.Claim), v.Tag, Markup.Escape(v.Measured), Outcome(v),
                v.Control is null ? "–" : $"{Markup.Escape(v.Control.Setting)}: {(v.Control.Holds ? "[red]holds (problem)[/]" : "[green]fails[/]")}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(VerdictSummary.Of(r.Verdicts)) + "; " +
            Markup.Escape($"time by stage: {string.Join(", ", r.StageSeconds.Select(s => $"{s.Key} {s.Value:F1} s"))}"));
    }

    private static string Outcome(Verdict v) => v.Status switch
    {
        VerdictStatus.Holds => "[green]holds[/]",
        VerdictStatus.Fails => "[red]not reproduced[/]",
        _ => "[yellow]not applicable[/]: " + Markup.Escape(v.Precondition),
    };
}
