using System.CommandLine;
using System.Globalization;
using LowRankSparse.Config;
using LowRankSparse.Data.Images;
using LowRankSparse.Experiments.RealData;
using LowRankSparse.Report;
using LowRankSparse.Util;
using Spectre.Console;

namespace LowRankSparse.Cli.Commands;

/// <summary><c>realdata</c>: the low-rank and sparse signatures on a real binary image task (Fashion-MNIST), with controls and baselines (issue #16).</summary>
internal static class RealDataCommand
{
    public static Command Create()
    {
        var classes = new Option<string>("--classes") { Description = "Two Fashion-MNIST classes 0–9, comma-separated; the first is y = +1. Default: 0,1 (T-shirt/top vs Trouser).", DefaultValueFactory = _ => "0,1" };
        var patch = new Option<int>("--patch") { Description = "Patch side in pixels (divides 28); tokens are p×p patches. Default: 4 (L = 49, d = 16).", DefaultValueFactory = _ => 4 };
        var trainSamples = new Option<int?>("--train-samples") { Description = "Balanced training subsample (even; default: all 12 000 images of the two classes; 400 with --quick)." };
        var testSamples = new Option<int?>("--test-samples") { Description = "Balanced test subsample (even; default: all 2 000; 400 with --quick)." };
        var dataDir = new Option<string>("--data-dir") { Description = $"Folder with the four Fashion-MNIST IDX files. Default: {FashionMnist.DefaultDirectory} (`{FashionMnist.InstallCommand}`).", DefaultValueFactory = _ => FashionMnist.DefaultDirectory };
        var position = new Option<bool>("--append-position") { Description = "Append each patch's (row, column) in [−1, 1] to its token (d = p² + 2)." };
        var steps = new Option<int?>("--steps") { Description = "SGD steps (default 3000; 300 with --quick)." };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation, batches and the label shuffle. Default: 0.", DefaultValueFactory = _ => 0 };
        var quick = new Option<bool>("--quick") { Description = "400 training and 400 test images, 300 steps, the quick synthetic config: seconds." };
        var output = CommonOptions.Out("out/realdata");
        var force = CommonOptions.Force();
        var command = new Command("realdata",
            "Train the same one-layer transformer on two Fashion-MNIST classes (images cut into patch tokens) and measure every low-rank and sparse signature " +
            "beside controls (shuffled labels, saturated attention, untrained W_O), linear baselines and the synthetic model. Writes OUT/report.html, OUT/results.json and one CSV per figure.")
        {
            classes, patch, trainSamples, testSamples, dataDir, position, steps, seed, quick, output, force,
        };
        command.SetAction(parse =>
        {
            var data = new RealDataConfig
            {
                Classes = ParseClasses(parse.GetValue(classes)!),
                Patch = parse.GetValue(patch),
                TrainSamples = parse.GetValue(trainSamples),
                TestSamples = parse.GetValue(testSamples),
                DataDir = parse.GetValue(dataDir)!,
                AppendPosition = parse.GetValue(position),
            };
            var options = parse.GetValue(quick) ? RealDataOptions.QuickOptions(data) : new RealDataOptions { Data = data };
            options = options with { Training = options.Training with { Seed = parse.GetValue(seed), Steps = parse.GetValue(steps) ?? options.Training.Steps } };
            options.Validated();
            string dir = OutputFolder.Prepare(parse.GetValue(output)!, parse.GetValue(force), RealDataFiles.OwnFiles);
            var results = StageProgress.Run(progress => RealDataExperiment.Run(options, progress, CliHost.Cancellation));
            RealDataFiles.Write(dir, results);
            Verdicts.Print(results.Verdicts, results.StageSeconds, $"Claims on Fashion-MNIST {results.ClassNames[0]} vs {results.ClassNames[1]}");
            var lin = string.Join(", ", results.Linear.Select(l => $"{l.Features} {l.TestAccuracy:F3}"));
            AnsiConsole.MarkupLine(Markup.Escape($"test accuracy {results.Real.TestAccuracy:F3} (hinge {results.Real.TestLoss:F3}); shuffled labels {results.Shuffled.Signatures.TestAccuracy:F3}; linear: {lin}"));
            AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.Combine(dir, "report.html"))} and results.json[/]");
            return 0;
        });
        return command;
    }

    /// <summary>"0,1" → [0, 1]; anything else names --classes (range and distinctness are checked by the config).</summary>
    private static int[] ParseClasses(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
                throw new ConfigException("realdata.classes", text, "must be two class numbers 0–9 separated by a comma, e.g. --classes 0,1");
        return values;
    }
}
