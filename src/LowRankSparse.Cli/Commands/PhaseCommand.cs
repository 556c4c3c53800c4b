using System.CommandLine;
using LowRankSparse.Config;
using LowRankSparse.Phase;
using LowRankSparse.Report;
using Spectre.Console;

namespace LowRankSparse.Cli.Commands;

/// <summary><c>phase</c>: one phase grid over two conditions of the theory; writes OUT/phase.html, OUT/results.json, OUT/cells.csv and one CSV per heatmap.</summary>
internal static class PhaseCommand
{
    public static Command Create()
    {
        string axes = string.Join(", ", PhaseAxis.All.Select(a => $"{a.Name} ({a.Symbol}, {a.Field})"));
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = CommonOptions.Out("out/phase");
        var force = CommonOptions.Force();
        var x = new Option<string>("--x") { Description = $"Axis along x, one of: {axes}. Default: qk_init_scale", DefaultValueFactory = _ => "qk_init_scale" };
        var y = new Option<string>("--y") { Description = "Axis along y (same names). Default: learning_rate", DefaultValueFactory = _ => "learning_rate" };
        var xRange = new Option<string?>("--x-range") { Description = "Values along x: FROM:TO:COUNT (evenly spaced, ends included) or a list a,b,c. Default: the axis' 8 default values." };
        var yRange = new Option<string?>("--y-range") { Description = "Values along y, as --x-range." };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per cell (seed, seed + 1, …). Default: 3", DefaultValueFactory = _ => 3 };
        var rate = new Option<double>("--prune-rate") { Description = "Pruning rate R of the magnitude-minus-random gap. Default: 0.3", DefaultValueFactory = _ => 0.3 };
        var figures = FiguresOption();
        var budget = new Option<double>("--budget") { Description = "Refuse grids (with --shard: this shard's share) expected to take longer than this many seconds on 2 cores. Default: 300", DefaultValueFactory = _ => 300 };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard I of N (I/N, 0 ≤ I < N): a deterministic share of the cells, each trained and seeded exactly as in the whole run. " +
                          "Writes OUT/shard.json only; `phase merge` combines the N folders into the grid's page, results and CSVs.",
        };
        var command = new Command("phase",
            "Phase diagram: train a grid over two of the theory's conditions (several seeds per cell, stacked), judge every claim in every cell and draw one heatmap per quantity with the predicted and measured boundary. Writes OUT/phase.html, OUT/results.json, OUT/cells.csv and OUT/figures/*.csv.")
        {
            config, set, output, force, x, y, xRange, yRange, seeds, rate, budget, figures, shard, Merge(),
        };
        command.SetAction(parse =>
        {
            var cfg = ConfigLoader.Load(parse.GetValue(config), parse.GetValue(set));
            var xAxis = PhaseAxis.Named(parse.GetValue(x)!, "--x");
            var yAxis = PhaseAxis.Named(parse.GetValue(y)!, "--y");
            var part = parse.GetValue(shard) is string text ? PhaseShard.Parse(text) : null;
            var grid = new PhaseGrid(cfg, xAxis, PhaseRanges.Parse("--x-range", parse.GetValue(xRange), xAxis),
                yAxis, PhaseRanges.Parse("--y-range", parse.GetValue(yRange), yAxis), parse.GetValue(seeds), parse.GetValue(rate), parse.GetValue(budget)).Validated(part);
            if (part is not null && parse.GetValue(figures) is not null)
                throw new UsageException("--figures with --shard: the heatmaps need every cell; pass --figures to `phase merge` instead");
            var (formats, chromium) = Formats(parse.GetValue(figures));
            string dir = OutputFolder.Prepare(parse.GetValue(output)!, parse.GetValue(force), PhaseFiles.OwnFiles);
            Action<int, int> progress = (done, cells) => Console.Error.WriteLine($"phase: {done}/{cells} cells");
            if (part is not null)
            {
                Console.Error.WriteLine($"phase: shard {part} of {grid.XValues.Count} × {grid.YValues.Count} cells × {grid.Seeds} seeds, expected ≈ {grid.EstimatedSeconds(part):F0} s");
                var result = PhaseRunner.RunShard(grid, part, progress, CliHost.Cancellation);
                PhaseFiles.WriteShard(dir, result);
                var t = result.Grid.Timing;
                Console.WriteLine($"shard {part}: {result.Grid.Cells.Count} of {grid.Cells} cells; {t.Seconds:F1} s wall, {t.TrainMsPerSeedStep:F3} ms per seed-step");
                AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.Combine(dir, PhaseMerge.ShardFile))}; merge every shard's folder with `phase merge`[/]");
                return 0;
            }
            Console.Error.WriteLine($"phase: {grid.XValues.Count} × {grid.YValues.Count} cells × {grid.Seeds} seeds = {grid.Runs} runs, expected ≈ {grid.EstimatedSeconds():F0} s");
            Finish(dir, PhaseRunner.Run(grid, progress, CliHost.Cancellation), formats, chromium);
            return 0;
        });
        return command;
    }

    /// <summary><c>phase merge DIR…</c>: the shards' cells as one grid, written as an unsharded run writes it.</summary>
    private static Command Merge()
    {
        var folders = new Argument<string[]>("DIR") { Description = "The --out folder of every shard (phase --shard I/N), in any order.", Arity = ArgumentArity.OneOrMore };
        var output = CommonOptions.Out("out/phase");
        var force = CommonOptions.Force();
        var figures = FiguresOption();
        var command = new Command("merge",
            "Combine the folders of every shard of one phase grid (phase --shard I/N) into OUT/phase.html, OUT/results.json, OUT/cells.csv and OUT/figures/*.csv, " +
            "the same as an unsharded run. Refuses missing or overlapping shards and shards of different grids, configs or splits, before writing anything.")
        {
            folders, output, force, figures,
        };
        command.SetAction(parse =>
        {
            var shards = parse.GetValue(folders)!.Select(d => (Dir: d, Shard: PhaseMerge.Read(d))).ToList();
            var result = PhaseMerge.Merge(shards);
            var (formats, chromium) = Formats(parse.GetValue(figures));
            string outArg = parse.GetValue(output)!;
            if (shards.FirstOrDefault(s => Path.GetFullPath(s.Dir).TrimEnd('/') == Path.GetFullPath(outArg).TrimEnd('/')).Dir is string same)
                throw new UsageException($"--out '{outArg}' is the shard folder {same}: the merged grid would replace its shard.json; choose another folder");
            string dir = OutputFolder.Prepare(outArg, parse.GetValue(force), PhaseFiles.OwnFiles);
            Console.Error.WriteLine($"phase merge: {shards.Count} shards, {result.Cells.Count} cells");
            Finish(dir, result, formats, chromium);
            return 0;
        });
        return command;
    }

    private static Option<string?> FiguresOption() => new("--figures")
    {
        Description = $"Also write every heatmap as static files ({StaticFigureOptions.FormatHelp}, e.g. svg,png,pdf) to OUT/{ReportFiles.Publication}/ (needs chromium).",
    };

    private static (IReadOnlyList<LowRankSparse.Export.FigureFormat>? Formats, string? Chromium) Formats(string? list)
    {
        var formats = list is null ? null : LowRankSparse.Export.FigureFormats.Parse(list, "--figures");
        return (formats, formats is null ? null : StaticFigureOptions.RequireChromium());   // before the work, not after
    }

    /// <summary>Writes a whole grid's files (and its static heatmaps), then prints the boundaries and the timing.</summary>
    private static void Finish(string dir, PhaseResult result, IReadOnlyList<LowRankSparse.Export.FigureFormat>? formats, string? chromium)
    {
        PhaseFiles.Write(dir, result);
        if (formats is not null)
        {
            var heatmaps = LowRankSparse.Figures.PhaseFigures.All(result);
            string folder = Path.Combine(dir, ReportFiles.Publication);
            StaticFigureOptions.Print(StaticFigureOptions.Write(heatmaps, folder, formats, chromium!), heatmaps.Count, formats, folder);
        }
        foreach (var b in result.Boundaries.Where(b => b.Claim != PhaseClaims.Attention))
            Console.WriteLine(b.Summary);
        var t = result.Timing;
        Console.WriteLine($"{result.Cells.Count} cells, {result.Cells.Count(c => c.Diverged)} with a diverged seed; {t.Seconds:F1} s wall " +
                          $"({t.TrainSeconds:F1} s training, {t.MeasureSeconds:F1} s measuring), {t.TrainMsPerSeedStep:F3} ms per seed-step ({t.ZeroGradientFraction:P0} with a zero gradient, skipped; " +
                          $"{t.TrainMsPerComputedSeedStep:F3} ms per computed seed-step)");
        AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.Combine(dir, "phase.html"))}, results.json, cells.csv[/]");
    }
}
