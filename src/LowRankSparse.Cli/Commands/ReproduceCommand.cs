using System.CommandLine;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Export;
using LowRankSparse.Figures;
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
        var force = new Option<bool>("--force")
        {
            Description = "Write into an output folder that holds other files, or a run with other settings (that run is kept in OUT/previous/).",
        };
        var quick = new Option<bool>("--quick") { Description = "Small configuration and grids (data/configs/quick.json unless --config is given): seconds, for tests and CI." };
        var seeds = new Option<int?>("--seeds") { Description = "Training seeds behind every band and verdict interval (default 10; 3 with --quick)." };
        var sweepSeeds = new Option<int?>("--sweep-seeds") { Description = "Seeds per point of the K and τ sweeps (default 3; 2 with --quick; 1 makes the sweep verdicts inconclusive)." };
        var phase = new Option<bool>("--phase")
        {
            Description = "Also run the phase grids over the theory's conditions (4 grids of 6 × 6 × 2 runs; 1 grid of 4 × 4 × 2 with --quick). Off by default: " +
                          "at the theory regime's shape they cost several minutes on 2 cores; the phase command runs any grid, in shards across machines.",
        };
        var noPhase = new Option<bool>("--no-phase") { Description = "Skip the phase grids (the default; kept for scripts written when they ran by default)." };
        var noRealData = new Option<bool>("--no-real-data") { Description = "Skip the Fashion-MNIST section (runs only when Debian's dataset-fashion-mnist is installed)." };
        var resume = new Option<bool>("--resume") { Description = "Reuse the stages an interrupted run with the same options completed (saved in OUT/.stages)." };
        var figures = new Option<string?>("--figures")
        {
            Description = $"Also write every figure as static files ({StaticFigureOptions.FormatHelp}, e.g. svg,png,pdf) to OUT/{ReportFiles.Publication}/, as the figures command does (needs chromium).",
        };
        var keepPrevious = new Option<int>("--keep-previous")
        {
            Description = $"Earlier runs to keep in OUT/previous/ (the one this run replaces included); older ones are deleted once this run is complete. Default: {RunArchive.DefaultKeep}",
            DefaultValueFactory = _ => RunArchive.DefaultKeep,
        };
        var command = new Command("reproduce",
            "Reproduce every claim of the paper: low-rank updates, lucky neurons, pruning curves, low-rank adaption and sweeps, each checked against the theory. " +
            "Writes OUT/report.html, OUT/results.json and one CSV per figure; an earlier run in OUT is kept in OUT/previous/, and one with other settings is replaced only with --force.")
        {
            config, set, output, force, quick, seeds, sweepSeeds, phase, noPhase, noRealData, resume, figures, keepPrevious,
        };
        command.SetAction(parse =>
        {
            bool isQuick = parse.GetValue(quick);
            string configPath = ConfigFiles.Resolve(parse.GetResult(config) is { Implicit: false } ? parse.GetValue(config)! : isQuick ? "quick" : parse.GetValue(config)!);
            var overrides = parse.GetValue(set) ?? [];
            var cfg = ConfigLoader.Load(configPath, overrides);
            var options = isQuick ? ReproduceOptions.QuickFor(cfg) : new ReproduceOptions { Config = cfg };
            if (parse.GetValue(seeds) is int n) options = options with { Seeds = n };
            if (parse.GetValue(sweepSeeds) is int ns) options = options with { SweepSeeds = ns };
            if (!parse.GetValue(phase) || parse.GetValue(noPhase)) options = options with { PhaseGrids = [] };
            if (parse.GetValue(noRealData)) options = options with { RealData = false };
            options.Validated();
            int keep = parse.GetValue(keepPrevious);
            if (keep < 0) throw new ConfigException("--keep-previous", keep, "must be an integer ≥ 0 (0: keep no earlier run once the new one is complete)");
            string outArg = parse.GetValue(output)!;
            bool forced = parse.GetValue(force);
            string dir = OutputFolder.Prepare(outArg, forced, ReportFiles.OwnFiles);
            EarlierRun.CheckSettings(outArg, dir, options, forced);
            var formats = parse.GetValue(figures) is string list ? FigureFormats.Parse(list, "--figures") : null;
            string? chromium = formats is null ? null : StaticFigureOptions.RequireChromium();   // before the training, not after

            var provenance = Provenance.Of(options, CliHost.Arguments, Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(configPath)), overrides);
            var cache = new StageCache(Path.Combine(dir, ".stages"), parse.GetValue(resume), StageCache.Fingerprint(options));
            ReproduceResults results;
            try
            {
                results = StageProgress.Run(progress => Reproduction.Run(options, progress, CliHost.Cancellation, cache));
            }
            catch (OperationCanceledException)
            {
                throw new OperationCanceledException(
                    $"the completed stages are saved in {Path.Combine(outArg, ".stages")}; run the same command with --resume to continue from them");
            }
            results = results with { Provenance = provenance };
            var figureList = ReportFigures.All(results);
            StaticFigures.Result? exported = null;
            Exception? exportFailed = null;
            // a browser that fails (or Ctrl+C while drawing) must not cost the run: its files are written without the static figures
            string? kept = ReportFiles.Write(dir, ReportFiles.Render(results, figureList), formats is null ? null : folder =>
            {
                try { exported = StaticFigureOptions.Write(figureList, folder, formats, chromium!); }
                catch (Exception e) { exportFailed = e; if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
            }, keep);
            Verdicts.Print(results);
            AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.Combine(dir, "report.html"))} and results.json[/]");
            if (exported is not null) StaticFigureOptions.Print(exported, figureList.Count, formats!, Path.Combine(dir, ReportFiles.Publication));
            if (kept is not null) AnsiConsole.MarkupLine($"[grey]the earlier run is kept in {Markup.Escape(kept)}[/]");
            if (exportFailed is not null)
            {
                Console.Error.WriteLine($"static figures failed ({exportFailed.Message}); the run is written; draw them with: figures --from {outArg}");
                return exportFailed is OperationCanceledException ? CliHost.Cancelled : CliHost.RunFailure;
            }
            return 0;
        });
        return command;
    }
}
