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
        var figures = new Option<string?>("--figures")
        {
            Description = $"Also write every heatmap as static files ({StaticFigureOptions.FormatHelp}, e.g. svg,png,pdf) to OUT/{ReportFiles.Publication}/ (needs chromium).",
        };
        var budget = new Option<double>("--budget") { Description = "Refuse grids expected to take longer than this many seconds on 2 cores. Default: 300", DefaultValueFactory = _ => 300 };
        var command = new Command("phase",
            "Phase diagram: train a grid over two of the theory's conditions (several seeds per cell, stacked), judge every claim in every cell and draw one heatmap per quantity with the predicted and measured boundary. Writes OUT/phase.html, OUT/results.json, OUT/cells.csv and OUT/figures/*.csv.")
        {
            config, set, output, force, x, y, xRange, yRange, seeds, rate, budget, figures,
        };
        command.SetAction(parse =>
        {
            var cfg = ConfigLoader.Load(parse.GetValue(config), parse.GetValue(set));
            var xAxis = PhaseAxis.Named(parse.GetValue(x)!, "--x");
            var yAxis = PhaseAxis.Named(parse.GetValue(y)!, "--y");
            var grid = new PhaseGrid(cfg, xAxis, PhaseRanges.Parse("--x-range", parse.GetValue(xRange), xAxis),
                yAxis, PhaseRanges.Parse("--y-range", parse.GetValue(yRange), yAxis), parse.GetValue(seeds), parse.GetValue(rate), parse.GetValue(budget)).Validated();
            var formats = parse.GetValue(figures) is string list ? LowRankSparse.Export.FigureFormats.Parse(list, "--figures") : null;
            string? chromium = formats is null ? null : StaticFigureOptions.RequireChromium();   // before the training, not after
            string dir = OutputFolder.Prepare(parse.GetValue(output)!, parse.GetValue(force), PhaseFiles.OwnFiles);
            Console.Error.WriteLine($"phase: {grid.XValues.Count} × {grid.YValues.Count} cells × {grid.Seeds} seeds = {grid.Runs} runs, expected ≈ {grid.EstimatedSeconds():F0} s");
            var result = PhaseRunner.Run(grid, (done, cells) => Console.Error.WriteLine($"phase: {done}/{cells} cells"), CliHost.Cancellation);
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
                              $"({t.TrainSeconds:F1} s training, {t.MeasureSeconds:F1} s measuring), {t.TrainMsPerSeedStep:F3} ms per seed-step ({t.ZeroGradientFraction:P0} with a zero gradient, skipped)");
            AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.Combine(dir, "phase.html"))}, results.json, cells.csv[/]");
            return 0;
        });
        return command;
    }
}
