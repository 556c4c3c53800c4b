using System.CommandLine;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Training;
using LowRankSparse.Util;
using Spectre.Console;

namespace LowRankSparse.Cli.Commands;

/// <summary><c>train</c>: trains one model, prints the low-rank and sparsity summary, writes results.json.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = CommonOptions.Out("out/train");
        var force = CommonOptions.Force();
        var command = new Command("train",
            "Train the one-layer transformer with SGD on the hinge loss, then measure how low-rank ΔW_Q, ΔW_K, ΔW_V are and how sparse W_O is. Writes OUT/results.json.")
        {
            config, set, output, force,
        };
        command.SetAction(parse =>
        {
            var cfg = ConfigLoader.Load(parse.GetValue(config), parse.GetValue(set));
            string dir = OutputFolder.Prepare(parse.GetValue(output)!, parse.GetValue(force), "results.json");
            var results = Run(cfg);
            Json.WriteAtomically(Path.Combine(dir, "results.json"), Json.Serialize(results));
            Summary.Print(results);
            AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.Combine(dir, "results.json"))}[/]");
            return 0;
        });
        return command;
    }

    private static TrainResults Run(ExperimentConfig cfg)
    {
        return StageProgress.Run(progress =>
        {
            progress.Begin($"training {cfg.Training.Steps} steps", cfg.Training.Steps);
            int reported = 0;
            using var run = Trainer.Train(cfg, done => { progress.Advance(done - reported); reported = done; }, CliHost.Cancellation);
            progress.End();
            return TrainResults.From(run);
        });
    }
}
