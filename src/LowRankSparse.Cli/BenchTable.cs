using System.Globalization;
using LowRankSparse.Benchmarks;
using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>The console tables of <c>bench</c>.</summary>
internal static class BenchTable
{
    public static void Print(BenchResults r)
    {
        AnsiConsole.MarkupLine($"float32 matmul: {F(r.MatmulGflopsOneThread, 1)} GFLOP/s on 1 thread, {F(r.MatmulGflopsAllThreads, 1)} on {r.ProcessorCount}; " +
                               $"training uses {r.TrainingThreadsPerOp} thread per op (stacked seeds: up to {LowRankSparse.Training.Trainer.WorkersFor(int.MaxValue)} groups in parallel); medians of {r.Repeats} repeats");
        var table = new Table().Title("Training speed (library Trainer.Train with its log, snapshots and checks)").AddColumn("measure");
        foreach (var c in r.Configs) table.AddColumn(new TableColumn(Markup.Escape(c.Name)).RightAligned());
        void Row(string measure, Func<ConfigBench, string> value) => table.AddRow(new[] { measure }.Concat(r.Configs.Select(value)).ToArray());
        Row("d, L, m, B", c => $"{c.Dim}, {c.Tokens}, {c.Neurons}, {c.BatchSize}");
        Row("ms / step", c => F(c.TrainMsPerStep, 3));
        Row("ms / computed step (zero-gradient steps skipped)", c => $"{F(c.TrainMsPerComputedStep, 3)} ({F(100 * c.ZeroGradientFraction, 0)} % skipped)");
        Row("steps / s", c => F(c.StepsPerSecond, 0));
        Row("arithmetic limit ms / step", c => F(c.LimitMsPerStep, 3));
        Row("× the limit", c => F(c.TimesTheLimit, 1));
        Row($"ms / seed-step ({ConfigBenchmark.BatchedSeeds} seeds batched), all steps", c => F(c.BatchedMsPerSeedStep, 3));
        Row("ms / seed-step, computed steps only", c => $"{F(c.BatchedMsPerComputedSeedStep, 3)} ({F(100 * c.BatchedZeroGradientFraction, 0)} % skipped)");
        Row("peak memory MiB per seed (batched)", c => c.PeakMiBPerSeed is double p ? F(p, 1) : "–");
        Row("evaluation samples / s", c => F(c.EvaluationSamplesPerSecond, 0));
        Row("SVD + metrics ms", c => F(c.AnalysisMs, 2));
        Row("all post-training results ms", c => F(c.ResultsMs, 1));
        Row("peak RSS MiB", c => F(c.PeakRssMiB, 0));
        Row("PyTorch ms / step", c => c.PyTorchMsPerStep is double p ? F(p, 3) : "–");
        Row("TorchSharp / PyTorch", c => c.RatioToPyTorch is double q ? F(q, 2) : "–");
        AnsiConsole.Write(table);

        var phases = new Table().Title("Bare fused step, split (ms, medians over steps)")
            .AddColumns("config", "threads/op", "seeds", "forward", "backward", "update", "total", "per seed");
        foreach (var c in r.Configs)
            foreach (var p in c.Phases)
                phases.AddRow(c.Name, I(p.Threads), I(p.Seeds), F(p.ForwardMs, 3), F(p.BackwardMs, 3), F(p.UpdateMs, 3), F(p.TotalMs, 3),
                    F(p.TotalMs / p.Seeds, 3));
        AnsiConsole.Write(phases);
        if (r.PyTorch is not null) AnsiConsole.MarkupLine($"[grey]PyTorch: {Markup.Escape(r.PyTorch)}[/]");
    }

    /// <summary>The speeds beside their limit and PyTorch, then each target of issue #26 with its bound and whether it is met.</summary>
    public static void PrintTargets(TargetsResult r)
    {
        var theory = r.Theory.Configs[0];
        AnsiConsole.MarkupLine($"Theory config ({Markup.Escape(theory.Name)}: d, L, m, B = {theory.Dim}, {theory.Tokens}, {theory.Neurons}, {theory.BatchSize}); " +
                               $"phase grid {Markup.Escape(r.Phase.Grid)}, items of {r.Phase.RunsPerItem} runs on {r.Phase.Workers} workers. Times per core: " +
                               "wall time per seed-step × the programs side by side; zero-gradient steps are skipped and not counted as computed. " +
                               $"One-thread matmul measured {F(r.MatmulGflopsBeforeTheory, 1)} and {F(r.MatmulGflopsAfterTheory, 1)} GFLOP/s around the theory " +
                               $"config's timings, {F(r.Phase.MatmulGflopsBesideQuiet, 1)} after the quiet phase grids; every limit uses the highest, {F(r.LimitGflops, 1)}.");
        var speeds = new Table().Title("ms per step, per core")
            .AddColumns("run", "all steps", "computed steps", "skipped", "limit", "PyTorch");
        foreach (var s in r.Speeds)
            speeds.AddRow(Markup.Escape(s.Run), F(s.MsPerStep, 3), F(s.MsPerComputedStep, 3), $"{F(100 * s.ZeroGradientFraction, 0)} %", F(s.LimitMs, 3),
                s.PyTorchMs is double p ? F(p, 3) : "–");
        AnsiConsole.Write(speeds);
        var table = new Table().Title("Targets of issue #26 (2 cores): median, each repeat, outcome over the repeats")
            .AddColumns("run", "measure", "median", "repeats", "bound", "", "from");
        foreach (var t in r.Targets)
            table.AddRow(Markup.Escape(t.Run), Markup.Escape(t.Measure), double.IsNaN(t.Value) ? "–" : F(t.Value, 2),
                t.ByRepeat.Count == 0 ? "–" : string.Join(", ", t.ByRepeat.Select(v => F(v, 2))), $"≤ {F(t.Bound, 1)}",
                t.Outcome switch
                {
                    Targets.Outcome.Met => "[green]met[/]",
                    Targets.Outcome.Missed => "[red]missed[/]",
                    Targets.Outcome.Straddles => $"[yellow]straddles ({t.ByRepeat.Count(v => v <= t.Bound)} of {t.ByRepeat.Count} met)[/]",
                    _ => "[yellow]not measured[/]",
                }, Markup.Escape(t.Detail));
        AnsiConsole.Write(table);
        int Count(Targets.Outcome o) => r.Targets.Count(t => t.Outcome == o);
        int missed = Count(Targets.Outcome.Missed), straddle = Count(Targets.Outcome.Straddles), open = Count(Targets.Outcome.NotMeasured);
        AnsiConsole.MarkupLine($"{Count(Targets.Outcome.Met)} of {r.Targets.Count} targets met in every repeat" +
                               $"{(missed > 0 ? $", {missed} missed in every repeat" : "")}{(straddle > 0 ? $", {straddle} met in some repeats only" : "")}" +
                               $"{(open > 0 ? $", {open} not measured" : "")}; " +
                               $"load average {(r.LoadAverageBefore is double l ? F(l, 2) : "?")} before the run; {F(r.Seconds, 0)} s in all");
    }

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
