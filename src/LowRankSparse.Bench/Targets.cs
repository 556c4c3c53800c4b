using System.Globalization;

namespace LowRankSparse.Benchmarks;

/// <summary>
/// Issue #26's speed targets on 2 cores, judged from one <c>bench --targets</c> run: per computed step, ≤ 0.3× PyTorch and ≤ 3× the
/// arithmetic limit, for a single run, for stacked seeds and for a phase grid at the theory shape; with every core kept busy by other
/// processes, <c>reproduce --quick</c> and the phase grid take ≤ 2× their quiet time. The bounds are the issue's, not measured values.
/// </summary>
/// <remarks>
/// Stacked seeds and the phase grid run one stacked program per core side by side, so their wall time per seed-step is the machine's
/// throughput on all its cores. The targets compare the <b>per-core</b> time (wall time per seed-step × the programs side by side) with
/// the one-thread arithmetic limit and with PyTorch's best single run: the stricter reading, which a second core cannot flatter.
/// </remarks>
public static class Targets
{
    /// <summary>ms per computed step ÷ PyTorch's ms per step on the same config (issue #26).</summary>
    public const double PyTorchBound = 0.3;

    /// <summary>ms per computed step ÷ (FLOPs per step ÷ the one-thread matmul throughput) (issue #26).</summary>
    public const double LimitBound = 3;

    /// <summary>Wall time with every core kept busy ÷ quiet wall time (issue #26).</summary>
    public const double LoadBound = 2;

    /// <summary>How a target came out over the timed repeats of one run.</summary>
    public enum Outcome
    {
        /// <summary>Every repeat within the bound.</summary>
        Met,
        /// <summary>Every repeat over the bound.</summary>
        Missed,
        /// <summary>Some repeats within the bound and some over it: this run cannot say (the host's speed drifts between repeats).</summary>
        Straddles,
        /// <summary>Not measured (no PyTorch on this machine).</summary>
        NotMeasured,
    }

    /// <summary>One target: what was measured, its value (the median over the repeats), the value of each repeat, the bound it must not
    /// exceed, and the outcome over the repeats. Value is NaN when the measurement was not made (no PyTorch on this machine).</summary>
    public sealed record Target(string Run, string Measure, double Value, double Bound, string Detail)
    {
        /// <summary>The value of each timed repeat (for a busy ÷ quiet ratio: each busy run ÷ the quiet run right before it); empty
        /// when only the median is known, and then the median decides.</summary>
        public IReadOnlyList<double> ByRepeat { get; init; } = [];

        public Outcome Outcome =>
            double.IsNaN(Value) ? Outcome.NotMeasured
            : ByRepeat.Count == 0 ? (Value <= Bound ? Outcome.Met : Outcome.Missed)
            : ByRepeat.All(v => v <= Bound) ? Outcome.Met
            : ByRepeat.All(v => v > Bound) ? Outcome.Missed
            : Outcome.Straddles;

        /// <summary>True when met in every repeat, false when missed in every repeat, null when not measured or straddling.</summary>
        public bool? Met => Outcome switch { Outcome.Met => true, Outcome.Missed => false, _ => null };
    }

    /// <summary>A run's time per computed (seed-)step, per core, beside its arithmetic limit and PyTorch; the median over the repeats and
    /// each repeat's value.</summary>
    public sealed record Speed(string Run, double MsPerComputedStep, double MsPerStep, double ZeroGradientFraction, double LimitMs, double? PyTorchMs, int ProgramsSideBySide)
    {
        public IReadOnlyList<double> MsPerComputedStepByRepeat { get; init; } = [];
    }

    /// <summary>The speed rows of the theory config (single run and <paramref name="stackedSeeds"/> stacked seeds in
    /// <paramref name="stackedPrograms"/> programs side by side) and of the phase grid (<paramref name="phaseWorkers"/> workers). Every
    /// arithmetic limit uses <paramref name="limitGflops"/>: the highest one-thread matmul rate measured during the run. On this shared VM
    /// the same matmul measured 58–86 GFLOP/s within one run (2026-12-07), so the limit is the best the machine showed — the strict reading.</summary>
    public static IReadOnlyList<Speed> Speeds(ConfigBench theory, int stackedSeeds, int stackedPrograms, PhaseBench.Result phase, int phaseWorkers,
        double limitGflops)
    {
        double limit = theory.FlopsPerStep / (limitGflops * 1e9) * 1000;
        int stacked = Math.Max(1, stackedPrograms), workers = Math.Max(1, phaseWorkers);
        return
        [
            new("single run", theory.TrainMsPerComputedStep, theory.TrainMsPerStep, theory.ZeroGradientFraction, limit, theory.PyTorchMsPerStep, 1)
                { MsPerComputedStepByRepeat = theory.TrainMsPerComputedStepByRepeat },
            new($"{stackedSeeds} seeds stacked", theory.BatchedMsPerComputedSeedStep * stacked, theory.BatchedMsPerSeedStep * stacked,
                theory.BatchedZeroGradientFraction, limit, theory.PyTorchMsPerStep, stacked)
                { MsPerComputedStepByRepeat = theory.BatchedMsPerComputedSeedStepByRepeat.Select(v => v * stacked).ToList() },
            new("phase grid", phase.Quiet.MsPerComputedSeedStep * workers, phase.Quiet.MsPerSeedStep * workers,
                phase.Quiet.ZeroGradientFraction, limit, theory.PyTorchMsPerStep, workers)
                { MsPerComputedStepByRepeat = phase.Timed.Where(r => !r.Loaded).Select(r => r.MsPerComputedSeedStep * workers).ToList() },
        ];
    }

    /// <summary>Every target of issue #26 from the measurements of one run.</summary>
    public static IReadOnlyList<Target> Judge(IReadOnlyList<Speed> speeds, PhaseBench.Result phase, LoadComparison quick)
    {
        var targets = new List<Target>();
        foreach (var s in speeds)
        {
            string perCore = s.ProgramsSideBySide > 1 ? $" per core ({s.ProgramsSideBySide} side by side)" : "";
            var byRepeat = s.MsPerComputedStepByRepeat;
            targets.Add(new Target(s.Run, "÷ PyTorch", s.PyTorchMs is double p ? s.MsPerComputedStep / p : double.NaN, PyTorchBound,
                s.PyTorchMs is double q ? $"{F(s.MsPerComputedStep)} ms{perCore} vs {F(q)} ms" : "not measured (no python3 with torch)")
                { ByRepeat = s.PyTorchMs is double r ? byRepeat.Select(v => v / r).ToList() : [] });
            targets.Add(new Target(s.Run, "÷ limit", s.MsPerComputedStep / s.LimitMs, LimitBound,
                $"{F(s.MsPerComputedStep)} ms{perCore} vs {F(s.LimitMs)} ms") { ByRepeat = byRepeat.Select(v => v / s.LimitMs).ToList() });
        }
        targets.Add(new Target("reproduce --quick", "busy ÷ quiet", quick.Ratio, LoadBound,
            $"wall {F(quick.LoadedWallSeconds)} s with {quick.BusyProcesses} busy loops vs {F(quick.QuietWallSeconds)} s (medians of {quick.Repeats})")
            { ByRepeat = PairRatios(quick.Runs.Select(r => (r.Loaded, r.WallSeconds))) });
        targets.Add(new Target("phase grid", "busy ÷ quiet", phase.Ratio, LoadBound,
            $"wall {F(phase.Loaded.Seconds)} s vs {F(phase.Quiet.Seconds)} s (medians of {phase.Repeats}); CPU {F(phase.Loaded.CpuSeconds)} vs {F(phase.Quiet.CpuSeconds)} s: " +
            $"{F(phase.Quiet.CpuSeconds / phase.Quiet.Seconds)} cores used quiet, {F(phase.Loaded.CpuSeconds / phase.Loaded.Seconds)} busy")
            { ByRepeat = PairRatios(phase.Timed.Select(r => (r.Loaded, r.Seconds))) });
        return targets;
    }

    /// <summary>Each busy run's wall time ÷ the quiet run's right before it (the runs alternate quiet, busy): pairs close in time, so a
    /// drift of the host's speed over the bench run moves both sides of a ratio alike.</summary>
    public static IReadOnlyList<double> PairRatios(IEnumerable<(bool Loaded, double Seconds)> runsInOrder)
    {
        var ratios = new List<double>();
        double? quiet = null;
        foreach (var (loaded, seconds) in runsInOrder)
        {
            if (!loaded) quiet = seconds;
            else if (quiet is double q)
            {
                ratios.Add(seconds / q);
                quiet = null;
            }
        }
        return ratios;
    }

    private static string F(double v) => v.ToString(v < 10 ? "F3" : "F1", CultureInfo.InvariantCulture);
}

/// <summary>What <c>bench --targets</c> writes (bench/targets.json): the theory config's measurements beside PyTorch, the phase grid
/// quiet and busy, reproduce --quick quiet and busy, and the targets judged from them.</summary>
public sealed record TargetsResult
{
    public required DateTime StartedUtc { get; init; }
    public required double Seconds { get; init; }
    public required double? LoadAverageBefore { get; init; }
    public required BenchResults Theory { get; init; }
    /// <summary>One-thread matmul GFLOP/s at the start of the theory config's timings and right after them (and, in the phase result,
    /// after each quiet grid); the highest of them sets every limit (<see cref="LimitGflops"/>).</summary>
    public double MatmulGflopsBeforeTheory => Theory.MatmulGflopsOneThread;
    public required double MatmulGflopsAfterTheory { get; init; }
    public required double LimitGflops { get; init; }
    public required PhaseBench.Result Phase { get; init; }
    public required LoadComparison ReproduceQuick { get; init; }
    public required IReadOnlyList<Targets.Speed> Speeds { get; init; }
    public required IReadOnlyList<Targets.Target> Targets { get; init; }
}
