using System.CommandLine;
using LowRankSparse.Compare;
using LowRankSparse.Util;
using Spectre.Console;

namespace LowRankSparse.Cli.Commands;

/// <summary><c>compare A B</c>: two reproductions side by side, as markdown in the terminal and an HTML page.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("A") { Description = "The first run: a reproduce output folder (holding results.json) or a results.json." };
        var b = new Argument<string>("B") { Description = "The second run, likewise." };
        var html = new Option<string>("--html")
        {
            Description = "Where to write the HTML page (overlaid curves, the same tables). Default: out/compare.html",
            DefaultValueFactory = _ => "out/compare.html",
        };
        var command = new Command("compare",
            "Compare two runs' results.json: the settings that differ, verdicts that changed, metric changes against the spread over seeds, and the pruning curves overlaid. " +
            "Prints markdown and writes an HTML page.")
        {
            a, b, html,
        };
        command.SetAction(parse =>
        {
            var comparison = RunComparison.Of(ComparedRun.Load(parse.GetValue(a)!), ComparedRun.Load(parse.GetValue(b)!));
            string page = Path.GetFullPath(parse.GetValue(html)!);
            if (Directory.Exists(page)) throw new UsageException($"--html '{parse.GetValue(html)}' is a folder; expected a file name such as out/compare.html");
            Console.Out.Write(ComparisonMarkdown.Render(comparison));
            Json.WriteAtomically(page, ComparisonHtml.Render(comparison));
            AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(page)}[/]");
            return 0;
        });
        return command;
    }
}
