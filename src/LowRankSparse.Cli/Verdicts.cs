using LowRankSparse.Experiments;
using LowRankSparse.Theory;
using LowRankSparse.Verdicts;
using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>The verdict table of a reproduction on the console: outcome, measurement and control of every claim.</summary>
internal static class Verdicts
{
    public static void Print(ReproduceResults r)
    {
        AnsiConsole.MarkupLine((r.InsideTheory ? "[green]This run is " : "[yellow]This run is ") +
                               Markup.Escape(TheoryCondition.Summary(r.TheoryConditions)) + "[/]" +
                               (r.InsideTheory ? "" : Markup.Escape(" — its outcomes neither confirm nor refute the paper.")));
        AnsiConsole.MarkupLine(Markup.Escape(r.AttentionMatters.Sentence + " " + LowRankSparse.Report.TheoryRegimeSection.OutputOnly(r)));
        Print(r.Verdicts, r.StageSeconds, "Claims of the paper, checked");
        AnsiConsole.MarkupLine(Markup.Escape(r.RealData is { } d
            ? $"Beyond synthetic data, Fashion-MNIST {d.ClassNames[0]} vs {d.ClassNames[1]}: {VerdictSummary.Of(d.Verdicts)}; test accuracy {d.Real.TestAccuracy:F3}, " +
              $"linear baselines {string.Join(" / ", d.Linear.Select(l => l.TestAccuracy.ToString("F3")))}, shuffled labels {d.Shuffled.Signatures.TestAccuracy:F3} (report section \"Beyond synthetic data\")"
            : $"Beyond synthetic data: {r.RealDataNote}"));
        foreach (var g in r.Phase)
        {
            var lowRank = g.Boundaries.Where(b => b.Claim == LowRankSparse.Phase.PhaseClaims.LowRank).ToList();
            AnsiConsole.MarkupLine(Markup.Escape($"Phase diagram {g.XSymbol} × {g.YSymbol} ({g.XValues.Count} × {g.YValues.Count} cells × {g.Seeds} seeds" +
                $"{(g.Cells.Any(c => c.Diverged) ? $", {g.Cells.Count(c => c.Diverged)} with a diverged seed" : "")}): low_rank holds inside the theory's (sufficient) condition in " +
                string.Join(", ", lowRank.Select(b => $"{b.Agree} of {b.Applicable} applicable cells ({b.Condition}; {b.Disagree} fail there)")) + " (report section \"Phase diagrams\")"));
        }
    }

    public static void Print(IReadOnlyList<Verdict> verdicts, IReadOnlyDictionary<string, double> stageSeconds, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("claim", "tag", "measured", "outcome", "control (should fail)");
        foreach (var v in verdicts)
            table.AddRow(Markup.Escape(v.Claim), v.Tag, Markup.Escape(v.Measured), Outcome(v),
                v.Control is null ? "–" : $"{Markup.Escape(v.Control.Setting)}: {v.Control.Outcome switch { VerdictStatus.Fails => "[green]fails[/]", VerdictStatus.Holds => "[red]holds (problem)[/]", VerdictStatus.Inconclusive => "[blue]inconclusive (problem)[/]", _ => "[yellow]not applicable[/]" }}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(VerdictSummary.Of(verdicts)) + "; " +
            Markup.Escape($"time by stage: {string.Join(", ", stageSeconds.Select(s => $"{s.Key} {s.Value:F1} s"))}"));
    }

    private static string Outcome(Verdict v) => v.Status switch
    {
        VerdictStatus.Holds => "[green]holds[/]",
        VerdictStatus.Fails => "[red]not reproduced[/]",
        VerdictStatus.Inconclusive => "[blue]inconclusive[/]",
        _ => "[yellow]not applicable[/]: " + Markup.Escape(v.Precondition),
    } + (v.InsideTheory == false && v.Status != VerdictStatus.NotApplicable ? Markup.Escape(Verdict.OutsideNote) : "");
}
