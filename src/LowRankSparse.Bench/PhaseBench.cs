using LowRankSparse.Config;
using LowRankSparse.Phase;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Benchmarks;

/// <summary>
/// Grid throughput: one phase grid (default 8 × 8 cells × 3 seeds over κ × τ on the given config, no divergence) trained and
/// measured end to end, quiet and with every core kept busy by other processes (<see cref="BusyCores"/>), in alternation after
/// one warm-up grid; medians over the repeats, with the load average before each run (the machine may be shared).
/// </summary>
public static class PhaseBench
{
    public sealed record Run(bool Loaded, double Seconds, double TrainSeconds, double MeasureSeconds, double MsPerSeedStep, double CpuSeconds,
        double LoadAverageBefore, double ZeroGradientFraction, double MsPerComputedSeedStep);

    public sealed record Result(string Grid, int Cells, int Runs, int Steps, int RunsPerItem, int Workers, int Items, int Repeats, IReadOnlyList<Run> Timed)
    {
        /// <summary>Peak resident memory the first quiet grid added (freed heap memory handed back and the peak reset before it), per run
        /// in flight (workers × runs per item), MiB: data, model, snapshots, activations and measurement of one run; null where the
        /// peak cannot be reset.</summary>
        public double? PeakMiBPerRunInFlight { get; init; }

        /// <summary>This machine's one-thread matmul throughput (GFLOP/s, <see cref="MatmulThroughput"/>) measured right after each quiet
        /// grid, highest: a shared host's speed drifts within one bench run. NaN unless measured (<c>bench --targets</c>, which sets its
        /// arithmetic limits from it).</summary>
        public double MatmulGflopsBesideQuiet { get; init; } = double.NaN;

        public Run Quiet => MedianOf(false);
        public Run Loaded => MedianOf(true);
        /// <summary>Loaded ÷ quiet wall time of the whole grid.</summary>
        public double Ratio => Loaded.Seconds / Quiet.Seconds;
        public double CellsPerSecond(Run r) => Cells / r.Seconds;

        private Run MedianOf(bool loaded)
        {
            var runs = Timed.Where(r => r.Loaded == loaded).ToList();
            double M(Func<Run, double> f) => LoadComparison.Median(runs.Select(f));
            return new Run(loaded, M(r => r.Seconds), M(r => r.TrainSeconds), M(r => r.MeasureSeconds), M(r => r.MsPerSeedStep), M(r => r.CpuSeconds),
                M(r => r.LoadAverageBefore), M(r => r.ZeroGradientFraction), M(r => r.MsPerComputedSeedStep));
        }
    }

    /// <param name="loaded">Also time every repeat with one busy loop per core.</param>
    /// <param name="matmulBesideQuiet">Measure the matmul rate after each quiet grid (<see cref="Result.MatmulGflopsBesideQuiet"/>;
    /// 3 s of warm-up each).</param>
    public static Result Measure(ExperimentConfig config, int repeats, bool loaded = true, int points = 8, int seeds = 3,
        int runsPerItem = PhaseRunner.RunsPerItem, Action<string>? status = null, bool matmulBesideQuiet = false)
    {
        var grid = Grid(config, points, seeds);
        status?.Invoke("phase grid: warm-up (2 × 2 cells)");
        PhaseRunner.Run(Grid(config, 2, 1), runsPerItem: runsPerItem);
        var timed = new List<Run>();
        PhaseTiming? last = null;
        double? peakPerRun = null;
        var matmulRates = new List<double>();
        for (int r = 0; r < repeats; r++)
            foreach (bool busy in loaded ? new[] { false, true } : [false])
            {
                status?.Invoke($"phase grid {r + 1}/{repeats}{(busy ? $", {Environment.ProcessorCount} busy loops" : ", quiet")}");
                double before = LoadAverage();
                using var cores = busy ? new BusyCores(Environment.ProcessorCount) : null;
                bool peakReset = false;
                double residentBefore = 0;
                if (r == 0 && !busy)
                {
                    NativeAllocator.ReleaseFreedMemory();
                    residentBefore = ProcessMemory.RssMiB();
                    peakReset = ProcessMemory.ResetPeak();
                }
                var t = PhaseRunner.Run(grid, runsPerItem: runsPerItem).Timing;
                if (peakReset) peakPerRun = (ProcessMemory.PeakRssMiB() - residentBefore) / (t.Workers * (double)runsPerItem);
                if (!busy && matmulBesideQuiet) matmulRates.Add(MatmulThroughput.Gflops(1));
                timed.Add(new Run(busy, t.Seconds, t.TrainSeconds, t.MeasureSeconds, t.TrainMsPerSeedStep, t.CpuSeconds, before, t.ZeroGradientFraction, t.TrainMsPerComputedSeedStep));
                last = t;
            }
        return new Result($"{points} × {points} × {seeds} seeds (κ × τ)", grid.Cells, grid.Runs, config.Training.Steps, runsPerItem, last!.Workers, last.Items,
            repeats, timed) { PeakMiBPerRunInFlight = peakPerRun, MatmulGflopsBesideQuiet = matmulRates.Count > 0 ? matmulRates.Max() : double.NaN };
    }

    private static PhaseGrid Grid(ExperimentConfig config, int points, int seeds) =>
        new PhaseGrid(config, PhaseAxis.QkInitScale, PhaseAxis.QkInitScale.Linspace(0.25, 1.5, points), PhaseAxis.Noise,
            PhaseAxis.Noise.Linspace(0, 0.35, points), seeds, BudgetSeconds: double.MaxValue).Validated();

    /// <summary>The 1-minute load average (/proc/loadavg; NaN where there is none).</summary>
    public static double LoadAverage() => BusyCores.LoadAverage() ?? double.NaN;
}
