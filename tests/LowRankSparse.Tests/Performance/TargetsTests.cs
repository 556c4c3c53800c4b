using LowRankSparse.Benchmarks;

namespace LowRankSparse.Tests.Performance;

/// <summary>
/// The arithmetic behind <c>bench --targets</c> (no timing: made-up measurements): stacked and phase-grid times are judged per core
/// (wall time per seed-step × the programs side by side), each bound of issue #26 is applied as written, a target just over its bound
/// is missed, and a comparison that was not measured (no PyTorch) reads "not measured", never "met".
/// </summary>
public class TargetsTests
{
    private static ConfigBench Theory(double? pyTorchMs) => new()
    {
        Name = "default", Dim = 8, Tokens = 40, Neurons = 512, BatchSize = 32, Steps = 400,
        TrainMsPerStep = 1.0, TrainMsPerComputedStep = 1.5, ZeroGradientFraction = 0.4,
        Phases = [], BatchedMsPerSeedStep = 0.8, BatchedMsPerComputedSeedStep = 0.9, BatchedZeroGradientFraction = 0.1, BatchedSeeds = 10,
        EvaluationSamplesPerSecond = 1, AnalysisMs = 1, ResultsMs = 1, FlopsPerStep = 4.2e7, LimitMsPerStep = 0.7, PeakRssMiB = 1,
        PyTorchMsPerStep = pyTorchMs,
    };

    private static PhaseBench.Result Phase(double quietSeconds, double loadedSeconds, double msPerComputedSeedStep) =>
        new("4 × 4 × 3 seeds (κ × τ)", 16, 48, 400, 4, 2, 12, 1,
        [
            new PhaseBench.Run(false, quietSeconds, 0, 0, 0.6, 0, 0, 0.2, msPerComputedSeedStep),
            new PhaseBench.Run(true, loadedSeconds, 0, 0, 1.2, 0, 0, 0.2, 2 * msPerComputedSeedStep),
        ]);

    private static LoadComparison Quick(double quietSeconds, double loadedSeconds) => new()
    {
        StartedUtc = DateTime.UnixEpoch, ProcessorCount = 2, BusyProcesses = 2, Repeats = 1, Cli = "cli",
        Runs = [new LoadRun(false, quietSeconds, new Dictionary<string, double>(), null), new LoadRun(true, loadedSeconds, new Dictionary<string, double>(), null)],
    };

    private static Targets.Target Find(IReadOnlyList<Targets.Target> targets, string run, string measure) =>
        Assert.Single(targets, t => t.Run.StartsWith(run, StringComparison.Ordinal) && t.Measure.StartsWith(measure, StringComparison.Ordinal));

    [Fact]
    public void Stacked_and_phase_grid_times_are_judged_per_core()
    {
        var phase = Phase(10, 15, 0.95);
        var speeds = Targets.Speeds(Theory(pyTorchMs: 10), stackedSeeds: 10, stackedPrograms: 2, phase, phaseWorkers: 2,
            limitGflops: 30);
        Assert.Equal(1.5, speeds[0].MsPerComputedStep, 12);          // a single run: as measured
        Assert.Equal(1.8, speeds[1].MsPerComputedStep, 12);          // 0.9 ms of wall time per seed-step with 2 programs side by side
        Assert.Equal(1.9, speeds[2].MsPerComputedStep, 12);          // the phase grid's quiet runs, 2 workers
        Assert.All(speeds, s => Assert.Equal(1.4, s.LimitMs, 12));   // 42 MFLOP at 30 GFLOP/s, the rate given
        var targets = Targets.Judge(speeds, phase, Quick(20, 30));
        Assert.Equal(8, targets.Count);
        Assert.Equal(1.8 / 1.4, Find(targets, "10 seeds", "÷ limit").Value, 12);
        Assert.Equal(1.9 / 10, Find(targets, "phase grid", "÷ PyTorch").Value, 12);
        Assert.Equal(1.9 / 1.4, Find(targets, "phase grid", "÷ limit").Value, 12);
        Assert.All(targets, t => Assert.True(t.Met, $"{t.Run} {t.Measure} {t.Value} ≤ {t.Bound}"));
    }

    [Fact]
    public void A_target_just_over_its_bound_is_missed()
    {
        // single run 1.5 ms: 0.31 of PyTorch's 4.84 ms (bound 0.3), 2.14 of the limit (bound 3); the phase grid per core 2 × 1.06 = 2.12 ms,
        // 3.03 of the limit; busy ÷ quiet 2.05 for reproduce --quick and 1.99 for the phase grid (bound 2)
        var phase = Phase(100, 199, 1.06);
        var targets = Targets.Judge(Targets.Speeds(Theory(pyTorchMs: 4.84), 10, 2, phase, 2, 60), phase, Quick(20, 41));
        Assert.False(Find(targets, "single run", "÷ PyTorch").Met);
        Assert.True(Find(targets, "single run", "÷ limit").Met);
        Assert.False(Find(targets, "phase grid", "÷ limit").Met);
        Assert.False(Find(targets, "reproduce --quick", "busy").Met);
        Assert.True(Find(targets, "phase grid", "busy").Met);
        Assert.Equal([0.3, 3, 2], new[] { Targets.PyTorchBound, Targets.LimitBound, Targets.LoadBound });   // the bounds, as written
    }

    [Fact]
    public void Without_PyTorch_the_comparison_is_not_measured_rather_than_met()
    {
        var phase = Phase(10, 15, 0.5);
        var targets = Targets.Judge(Targets.Speeds(Theory(pyTorchMs: null), 10, 2, phase, 2, 60), phase, Quick(20, 30));
        var pyTorch = targets.Where(t => t.Measure.StartsWith("÷ PyTorch", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pyTorch.Count);
        Assert.All(pyTorch, t => Assert.Null(t.Met));
        Assert.All(pyTorch, t => Assert.Contains("not measured", t.Detail));
    }

    [Fact]
    public void A_target_met_in_some_repeats_only_straddles_and_is_neither_met_nor_missed()
    {
        Targets.Target T(double median, params double[] repeats) => new("phase grid", "÷ limit", median, Targets.LimitBound, "") { ByRepeat = repeats };
        Assert.Equal(Targets.Outcome.Met, T(2.9, 2.8, 2.9, 3.0).Outcome);          // the bound itself is within it
        Assert.Equal(Targets.Outcome.Missed, T(3.2, 3.1, 3.2, 3.3).Outcome);
        Assert.Equal(Targets.Outcome.Straddles, T(2.9, 2.8, 2.9, 3.1).Outcome);    // a median within the bound does not decide alone
        Assert.Null(T(2.9, 2.8, 2.9, 3.1).Met);
        Assert.Equal(Targets.Outcome.Straddles, T(3.1, 2.9, 3.1, 3.2).Outcome);
        Assert.Equal(Targets.Outcome.Missed, T(3.1).Outcome);                     // no repeats recorded: the median decides
        Assert.Equal(Targets.Outcome.NotMeasured, T(double.NaN).Outcome);
    }

    [Fact]
    public void Busy_runs_are_judged_against_the_quiet_run_right_before_them()
    {
        // quiet 10 s, busy 21 s, quiet 12 s (the host slowed down), busy 22 s: pairs 2.1 and 1.83; medians 11 and 21.5 give 1.95
        var runs = new[] { (false, 10.0), (true, 21.0), (false, 12.0), (true, 22.0) };
        var ratios = Targets.PairRatios(runs);
        Assert.Equal(new[] { 2.1, 22.0 / 12 }, ratios);
        var phase = new PhaseBench.Result("2 × 2 × 1 seeds (κ × τ)", 4, 4, 400, 4, 2, 1, 2,
            runs.Select(r => new PhaseBench.Run(r.Item1, r.Item2, 0, 0, 0.6, 0, 0, 0.2, 0.7)).ToList());
        var grid = Find(Targets.Judge(Targets.Speeds(Theory(10), 10, 2, phase, 2, 60), phase, Quick(20, 30)), "phase grid", "busy");
        Assert.Equal(21.5 / 11, grid.Value, 12);
        Assert.Equal(ratios, grid.ByRepeat);
        Assert.Equal(Targets.Outcome.Straddles, grid.Outcome);
    }
}
