using System.CommandLine;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Report;
using LowRankSparse.Util;
using Spectre.Console;

namespace LowRankSparse.Cli.Commands;

/// <summary><c>reproduce</c>: every experiment of the paper, with the theory's verdicts, an HTML report and results.json.</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = CommonOptions.Out("out");
        var force = CommonOptions.Force();
        var quick = new Option<bool>("--quick") { Description = "Small configuration and grids (data/configs/quick.json unless --config is given): seconds, for tests and CI." };
        var seeds = new Option<int?>("--seeds") { Description = "Training seeds behind every band (default 5; 3 with --quick)." };
        var resume = new Option<bool>("--resume") { Description = "Reuse the stages an interrupted run with the same options completed (saved in OUT/.stages)." };
        var command = new Command("reproduce",
            "Reproduce every claim of the paper: low-rank updates, lucky neurons, pruning curves, low-rank adaption and sweeps, each checked against the theory. Writes OUT/report.html, OUT/results.json and one CSV per figure.")
        {
            config, set, output, force, quick, seeds, resume,
        };
        command.SetAction(parse =>
        {
            bool isQuick = parse.GetValue(quick);
            string configPath = parse.GetResult(config) is { Implicit: false } ? parse.GetValue(config)! : isQuick ? "data/configs/quick.json" : parse.GetValue(config)!;
            var cfg = ConfigLoader.Load(configPath, parse.GetValue(set));
            var options = isQuick ? ReproduceOptions.QuickFor(cfg) : new ReproduceOptions { Config = cfg };
            if (parse.GetValue(seeds) is int n) options = options with { Seeds = n };
            options.Validated();
            string dir = OutputFolder.Prepare(parse.GetValue(output)!, parse.GetValue(force), ReportFiles.OwnFiles);

            var cache = new StageCache(Path.Combine(dir, ".stages"), parse.GetValue(resume), StageCache.Fingerprint(options));
            var results = StageProgress.Run(progress => Reproduction.Run(options, progress, CliHost.Cancellation, cache));
            ReportFiles.Write(dir, results);
            Verdicts.Print(results);
            AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.Combine(dir, "report.html"))} and results.json[/]");
            return 0;
        });
        return command;
    }
}
