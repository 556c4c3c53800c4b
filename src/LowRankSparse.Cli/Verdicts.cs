using LowRankSparse.Experiments;
using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>The verdict table of a reproduction on the console.</summary>
internal static class Verdicts
{
    public static void Print(ReproduceResults r)
    {
        var table = new Table().Title("Claims of the paper, checked").AddColumns("claim", "tag", "measured", "holds");
        foreach (var v in r.Verdicts)
            table.AddRow(Markup.Escape(v.Claim), v.Tag, Markup.Escape(v.Measured), v.Holds ? "[green]yes[/]" : "[red]no[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{r.Verdicts.Count(v => v.Holds)} of {r.Verdicts.Count} claims hold; " +
            $"time by stage: {string.Join(", ", r.StageSeconds.Select(s => $"{s.Key} {s.Value:F1} s"))}");
    }
}
