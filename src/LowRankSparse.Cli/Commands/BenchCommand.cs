using System.CommandLine;
using System.Globalization;
using LowRankSparse.Benchmarks;
using LowRankSparse.Config;
using LowRankSparse.Training;
using LowRankSparse.Util;
using Spectre.Console;

namespace LowRankSparse.Cli.Commands;

/// <summary>
/// <c>bench</c>: training speed, step phases, batched seeds, evaluation and analysis time, peak memory and the arithmetic
/// limit on named configs; optionally side by side with PyTorch (bench/pytorch_baseline.py). Writes bench/results.json.
/// </summary>
internal static class BenchCommand
{
    private const string Script = "bench/pytorch_baseline.py";

    public static Command Create()
    {
        var configs = new Option<string>("--configs")
        {
            Description = "Comma-separated config names (data/configs/NAME.json; \"default\" is the theory config) or paths; the loader resolves them as every command does. Default: quick,default,large",
            DefaultValueFactory = _ => "quick,default,large",
        };
        var comparePyTorch = new Option<bool>("--compare-pytorch") { Description = $"Also time {Script} (needs python3 with torch) and print the ratio." };
        var repeats = new Option<int>("--repeats") { Description = "Repeats per measurement; medians are reported. Default: 5", DefaultValueFactory = _ => 5 };
        var scaling = new Option<bool>("--scaling")
        {
            Description = "Also measure how the step time grows with L, m, d and B, each varied alone from the first --configs config (L 20–60, m 128–2048, d 8–32, B 32–128); " +
                          "fits the log-log slopes beside the FLOP count's and writes scaling.json and the figure (CSV; SVG, PNG, PDF when chromium is installed) " +
                          "to the folder scaling/ beside the results file (bench/scaling/ by default).",
        };
        var reproduce = new Option<bool>("--reproduce")
        {
            Description = "Instead: time reproduce --quick quiet and with every core kept busy by `sh -c 'while :; do :; done'` processes (started and ended by this command), " +
                          "alternating, medians of --repeats; writes bench/reproduce-load.json.",
        };
        var reproduceCli = new Option<string?>("--reproduce-cli") { Description = "With --reproduce: time this LowRankSparse.Cli.dll instead (e.g. another commit's build)." };
        var phase = new Option<bool>("--phase")
        {
            Description = "Instead: time an 8 × 8 × 3-seed phase grid on the default config (grid throughput), quiet and with every core kept busy " +
                          "(alternating after a warm-up, medians of --repeats); writes bench/phase.json.",
        };
        var phaseItem = new Option<int>("--phase-item-runs")
        {
            Description = $"With --phase: runs trained together as one stacked program (whole cells). Default: {LowRankSparse.Phase.PhaseRunner.RunsPerItem}",
            DefaultValueFactory = _ => LowRankSparse.Phase.PhaseRunner.RunsPerItem,
        };
        var targets = new Option<bool>("--targets")
        {
            Description = "Instead: issue #26's speed targets measured in one run — the default (theory) config beside PyTorch (single run and " +
                          $"{ConfigBenchmark.BatchedSeeds} stacked seeds), a phase grid at its shape, and reproduce --quick, the last two quiet and with every core " +
                          "kept busy; prints each target with its bound and writes bench/targets.json. About 10 minutes at --repeats 3.",
        };
        var phasePoints = new Option<int?>("--phase-points")
        {
            Description = "With --phase or --targets: points per axis of the κ × τ grid (3 seeds per cell). Default: 8 with --phase, 4 with --targets",
        };
        var quietOnly = new Option<bool>("--quiet-only") { Description = "With --phase or --reproduce: skip the runs with busy cores." };
        var full = new Option<bool>("--full") { Description = "With --reproduce: time the default reproduce (theory config, the ≤ 120 s budget of issue #23) instead of --quick; writes bench/reproduce-default.json." };
        var set = CommonOptions.Set();
        var output = new Option<string>("--out", "-o") { Description = "Results file. Default: bench/results.json", DefaultValueFactory = _ => "bench/results.json" };
        var command = new Command("bench", "Measure training speed against the arithmetic limit (and PyTorch with --compare-pytorch). Writes bench/results.json.")
        {
            configs, comparePyTorch, repeats, scaling, reproduce, reproduceCli, full, phase, phaseItem, phasePoints, targets, quietOnly, set, output,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(repeats);
            if (n < 1) throw new UsageException($"--repeats {n}: must be ≥ 1");
            string OutOr(string file) => parse.GetResult(output) is { Implicit: false } ? parse.GetValue(output)! : file;   // --reproduce and --phase write their own file unless --out names one
            if (parse.GetValue(reproduce))
            {
                bool isFull = parse.GetValue(full);
                var load = BenchReproduce.Run(n, parse.GetValue(reproduceCli) is string other ? Path.GetFullPath(other) : null, isFull, !parse.GetValue(quietOnly));
                string loadFile = OutOr(isFull ? "bench/reproduce-default.json" : "bench/reproduce-load.json");
                Json.WriteAtomically(loadFile, Json.Serialize(load));
                BenchReproduce.Print(load);
                AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.GetFullPath(loadFile))}[/]");
                return 0;
            }
            int? points = parse.GetValue(phasePoints);
            if (points is < 2 or > 40) throw new UsageException($"--phase-points {points}: must be between 2 and 40");
            if (parse.GetValue(targets))
            {
                MeasureTargets(parse.GetValue(set), n, points ?? 4, OutOr(Path.Combine("bench", "targets.json")));
                return 0;
            }
            if (parse.GetValue(phase))
            {
                int item = parse.GetValue(phaseItem);
                if (item < 1) throw new UsageException($"--phase-item-runs {item}: must be ≥ 1");
                PhaseThroughput(parse.GetValue(set), n, item, !parse.GetValue(quietOnly), points ?? 8,
                    OutOr(Path.Combine("bench", "phase.json")));
                return 0;
            }
            var names = parse.GetValue(configs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0) throw new UsageException("--configs is empty: name at least one config (data/configs/NAME.json) or give a path");
            var named = names.Select(c => (Name: Path.GetFileNameWithoutExtension(c), Config: ConfigLoader.Load(c, parse.GetValue(set)))).ToList();
            string? chromium = parse.GetValue(scaling) ? LowRankSparse.Export.Chromium.Find() : null;
            // the scaling curves first, in a fresh process: after the config benchmarks the same bare step of the theory config took
            // 2.05 instead of 1.2–1.3 ms (2026-12-07; the heap those runs leave behind), which would bend every curve
            Scaling.Result? curves = null;
            if (parse.GetValue(scaling))
            {
                NativeAllocator.KeepFreedMemory();
                Status("scaling: matmul throughput");
                curves = Scaling.Measure(named[0].Name, names[0], parse.GetValue(set) ?? [], n, MatmulThroughput.Gflops(1), Status);
            }
            var results = Run(named, n, parse.GetValue(comparePyTorch));
            string file = parse.GetValue(output)!;
            Json.WriteAtomically(file, Json.Serialize(results));
            BenchTable.Print(results);
            AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.GetFullPath(file))}[/]");
            if (curves is not null) WriteScaling(curves, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "scaling"), chromium);
            return 0;
        });
        return command;
    }

    private static BenchResults Run(IReadOnlyList<(string Name, ExperimentConfig Config)> named, int repeats, bool comparePyTorch)
    {
        NativeAllocator.KeepFreedMemory();
        var python = comparePyTorch ? PyTorchBaseline.FindPython() : null;
        if (comparePyTorch && python is null)
            AnsiConsole.MarkupLine("[yellow]PyTorch comparison skipped: no python3 with torch found (on Debian: apt-get install -y python3-torch).[/]");
        Status("matmul throughput");
        double gflops1 = MatmulThroughput.Gflops(1);
        double gflopsAll = MatmulThroughput.Gflops(Environment.ProcessorCount);
        var benches = new List<ConfigBench>();
        foreach (var (name, config) in named)
        {
            var bench = ConfigBenchmark.Run(name, config, repeats, gflops1, Status);
            if (python is { } py)
            {
                Status($"{name}: PyTorch");
                double best = new[] { 1, Environment.ProcessorCount }.Distinct()
                    .Min(threads => PyTorchBaseline.MsPerStep(py.Python, Script, config, threads, repeats));
                bench = bench with { PyTorchMsPerStep = best };
            }
            benches.Add(bench);
        }
        return new BenchResults
        {
            StartedUtc = DateTime.UtcNow,
            ProcessorCount = Environment.ProcessorCount,
            TrainingThreadsPerOp = Trainer.ThreadsPerOp,
            TorchThreads = TorchSharp.torch.get_num_threads(),
            MatmulGflopsOneThread = gflops1,
            MatmulGflopsAllThreads = gflopsAll,
            Repeats = repeats,
            PyTorch = !comparePyTorch ? null : python is { } p ? $"{p.Python} (torch {p.TorchVersion})" : "skipped: no python3 with torch",
            Configs = benches,
        };
    }

    /// <summary>Prints the scaling tables and writes scaling.json and the figure (its CSV always; SVG, PNG, PDF with a browser) to <paramref name="folder"/>.</summary>
    private static void WriteScaling(Scaling.Result r, string folder, string? chromium)
    {
        Console.WriteLine();
        Console.WriteLine(Scaling.Markdown(r));
        Json.WriteAtomically(Path.Combine(folder, "scaling.json"), Json.Serialize(r));
        var figure = Scaling.Figure(r);
        if (chromium is null)
        {
            Json.WriteAtomically(Path.Combine(folder, LowRankSparse.Export.FigureFileName.Of(figure.Id) + ".csv"), figure.Data.ToCsv());
            Console.Error.WriteLine($"bench: the scaling figure's SVG, PNG and PDF skipped: {LowRankSparse.Export.Chromium.Missing()}");
        }
        else
        {
            var formats = LowRankSparse.Export.FigureFormats.All;
            StaticFigureOptions.Print(StaticFigureOptions.Write([figure], folder, formats, chromium), 1, formats, folder);
        }
        AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.Combine(folder, "scaling.json"))} ({r.Seconds:F0} s of measuring, load average {r.LoadAverageBefore:F2} before, {r.LoadAverageAfter:F2} after)[/]");
    }

    /// <summary>
    /// <c>bench --targets</c>: the theory config (default) with PyTorch, a phase grid on it and reproduce --quick, quiet and busy, in this
    /// one process; prints the targets of issue #26 and writes <paramref name="file"/>.
    /// </summary>
    private static void MeasureTargets(string[]? set, int repeats, int points, string file)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double? loadBefore = BusyCores.LoadAverage();
        var config = ConfigLoader.Load("default", set);
        var theory = Run([("default", config)], repeats, comparePyTorch: true);
        double matmulAfterTheory = MatmulThroughput.Gflops(1);
        BenchTable.Print(theory);
        var phase = PhaseBench.Measure(config, repeats, loaded: true, points: points, status: Status, matmulBesideQuiet: true);
        PrintPhase(phase, loaded: true);
        var quick = BenchReproduce.Run(repeats);
        BenchReproduce.Print(quick);
        double limitGflops = new[] { theory.MatmulGflopsOneThread, matmulAfterTheory, phase.MatmulGflopsBesideQuiet }.Where(double.IsFinite).Max();
        var speeds = Targets.Speeds(theory.Configs[0], ConfigBenchmark.BatchedSeeds, Trainer.WorkersFor(ConfigBenchmark.BatchedSeeds), phase, phase.Workers,
            limitGflops);
        var result = new TargetsResult
        {
            StartedUtc = theory.StartedUtc,
            Seconds = clock.Elapsed.TotalSeconds,
            LoadAverageBefore = loadBefore,
            Theory = theory,
            MatmulGflopsAfterTheory = matmulAfterTheory,
            LimitGflops = limitGflops,
            Phase = phase,
            ReproduceQuick = quick,
            Speeds = speeds,
            Targets = Targets.Judge(speeds, phase, quick),
        };
        Json.WriteAtomically(file, Json.Serialize(result));
        BenchTable.PrintTargets(result);
        AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.GetFullPath(file))} ({result.Seconds:F0} s)[/]");
    }

    private static void PhaseThroughput(string[]? set, int repeats, int runsPerItem, bool loaded, int points, string file)
    {
        var r = PhaseBench.Measure(ConfigLoader.Load("default", set), repeats, loaded, points: points, runsPerItem: runsPerItem, status: Status);
        Json.WriteAtomically(file, Json.Serialize(r));
        PrintPhase(r, loaded);
        AnsiConsole.MarkupLine($"[grey]wrote {Markup.Escape(Path.GetFullPath(file))}[/]");
    }

    private static void PrintPhase(PhaseBench.Result r, bool loaded)
    {
        void Line(PhaseBench.Run x) =>
            Console.WriteLine($"  {(x.Loaded ? $"{Environment.ProcessorCount} busy loops" : "quiet"),-13} {x.Seconds,6:F1} s wall ({x.TrainSeconds:F1} s training, " +
                              $"{x.MeasureSeconds:F1} s measuring), {x.MsPerSeedStep:F3} ms per seed-step ({x.ZeroGradientFraction:P0} of them with a zero gradient, skipped; " +
                              $"{x.MsPerComputedSeedStep:F3} ms per computed seed-step), {r.CellsPerSecond(x):F2} cells/s, " +
                              $"{x.CpuSeconds:F1} CPU-s; load average before {x.LoadAverageBefore:F2}");
        Console.WriteLine($"phase grid {r.Grid}, {r.Runs} runs × {r.Steps} steps, items of {r.RunsPerItem} runs ({r.Items} items on {r.Workers} workers), " +
                          $"medians of {r.Repeats}:");
        Line(r.Quiet);
        if (loaded)
        {
            Line(r.Loaded);
            Console.WriteLine($"  loaded ÷ quiet: {r.Ratio:F2}×");
        }
        if (r.PeakMiBPerRunInFlight is double peak)
            Console.WriteLine($"  peak memory per run in flight ({r.Workers} workers × {r.RunsPerItem} runs): {peak:F1} MiB");
    }

    private static void Status(string what) => Console.Error.WriteLine($"bench: {what} …");
}
