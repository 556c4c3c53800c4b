using System.Diagnostics;
using LowRankSparse.Config;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Phase;

/// <summary>
/// Trains a <see cref="PhaseGrid"/> and measures every cell. The cells are cut into items of whole cells of equal shape (about
/// <see cref="RunsPerItem"/> runs); each worker (<see cref="ParallelWork.Map{T, TResult}(IReadOnlyList{T}, Func{T, CancellationToken, TResult}, Action?, CancellationToken)"/>,
/// one per core, one libtorch thread per op) takes the next item, sets its runs up, trains them as one stacked program (each run
/// bit for bit the run trained alone), measures its cells and frees them before taking the next, so memory stays bounded and no
/// worker ever waits for another: a busy core slows one worker down instead of stalling a barrier. An item in which a run diverges
/// is split in halves until the diverging runs are alone: they are marked in their cell, never dropped, and the others train as
/// they would have anyway.
/// </summary>
public static class PhaseRunner
{
    /// <summary>
    /// Runs per item [ours, measured]: a stacked program of a few runs keeps its activations in cache. Default shape, 8 × 8 × 3 grid,
    /// one run each on a machine at load 6–9: 59.5 CPU-s with items of 3 runs, 66.5 with 6, 75.6 with 12, 73.2 with 24 (bench/README.md
    /// "Phase grid"). Items are whole cells: up to this many runs, at least one cell (3 seeds: 1 cell; 2 seeds: 2 cells).
    /// </summary>
    public const int RunsPerItem = 4;

    /// <param name="progress">Called with (cells done, cells) after each item, one call at a time, from the worker that finished it.</param>
    /// <param name="inspect">Called with each cell and its trained runs (the seeds that did not diverge) before they are disposed; may run on several threads at once.</param>
    /// <param name="runsPerItem">Runs trained together as one stacked program (whole cells; default <see cref="RunsPerItem"/>).</param>
    public static PhaseResult Run(PhaseGrid grid, Action<int, int>? progress = null, CancellationToken cancel = default,
        Action<PhaseCell, IReadOnlyList<TrainingRun>>? inspect = null, int runsPerItem = RunsPerItem)
    {
        grid.Validated();
        var (cells, timing) = RunItems(grid, grid.Items(runsPerItem), progress, cancel, inspect);
        return PhaseResult.Of(grid, cells, timing);
    }

    /// <summary>
    /// Trains and measures only <paramref name="shard"/>'s share of the grid (<see cref="PhaseShard.Of{T}"/> of the items of
    /// <see cref="RunsPerItem"/> runs): each of its cells in the same stacked program, with the same seeds, as in the unsharded run.
    /// </summary>
    public static PhaseShardResult RunShard(PhaseGrid grid, PhaseShard shard, Action<int, int>? progress = null, CancellationToken cancel = default)
    {
        grid.Validated(shard);
        var (cells, timing) = RunItems(grid, shard.Of(grid.Items(RunsPerItem)), progress, cancel, null);
        return new PhaseShardResult(shard.Index, shard.Count, RunsPerItem, PhaseResult.Partial(grid, cells, timing));
    }

    /// <summary>Trains and measures the cells of <paramref name="items"/>; returns them in the order of <see cref="PhaseGrid.Points"/>.</summary>
    private static (IReadOnlyList<PhaseCell> Cells, PhaseTiming Timing) RunItems(PhaseGrid grid, IReadOnlyList<int[]> items, Action<int, int>? progress,
        CancellationToken cancel, Action<PhaseCell, IReadOnlyList<TrainingRun>>? inspect)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        var points = grid.Points().ToList();
        var cells = new PhaseCell?[points.Count];
        int total = items.Sum(item => item.Length), done = 0;
        var gate = new object();
        var times = ParallelWork.Map(items, (item, stop) =>
        {
            var configs = item.SelectMany(i => Enumerable.Range(0, grid.Seeds).Select(s => grid.CellConfig(points[i].X, points[i].Y, s))).ToList();
            var runs = new TrainingRun?[configs.Count];
            var divergedAt = new int?[configs.Count];
            try
            {
                var t = Stopwatch.StartNew();
                TrainIsolatingDivergence(configs, Enumerable.Range(0, configs.Count).ToList(), runs, divergedAt, stop);
                double train = t.Elapsed.TotalSeconds, loop = runs.Sum(r => r?.TrainSeconds ?? 0), computed = runs.Sum(r => r?.ComputedStepSeconds ?? 0);
                long skipped = runs.Sum(r => (long)(r?.ZeroGradientSteps ?? 0));
                t.Restart();
                for (int c = 0; c < item.Length; c++)
                {
                    stop.ThrowIfCancellationRequested();
                    var seeds = Enumerable.Range(c * grid.Seeds, grid.Seeds).ToList();
                    var trained = seeds.Where(j => runs[j] is not null).Select(j => runs[j]!).ToList();
                    var steps = seeds.Where(j => divergedAt[j] is not null).Select(j => divergedAt[j]!.Value).ToList();
                    var cell = CellMeasurement.Of(grid, points[item[c]], trained, steps.Count, steps.Count > 0 ? steps.Min() : null);
                    cells[item[c]] = cell;
                    inspect?.Invoke(cell, trained);
                }
                double measure = t.Elapsed.TotalSeconds;
                lock (gate)
                {
                    done += item.Length;
                    progress?.Invoke(done, total);
                }
                return (Train: train, Loop: loop, Computed: computed, Measure: measure, Skipped: skipped);
            }
            finally
            {
                foreach (var r in runs) r?.Dispose();
            }
        }, cancel: cancel);
        clock.Stop();
        int workers = BatchedTrainer.WorkersFor(items.Count);
        // Per-worker seconds summed over the workers and divided by their number: the wall time each part took while every worker was busy.
        double trainSeconds = times.Sum(x => x.Train) / workers, measureSeconds = times.Sum(x => x.Measure) / workers;
        double loopSeconds = times.Sum(x => x.Loop) / workers;
        double seedSteps = Math.Max(1, total * (double)grid.Seeds * grid.Base.Training.Steps);
        double skipped = times.Sum(x => x.Skipped);
        var timing = new PhaseTiming(clock.Elapsed.TotalSeconds, trainSeconds, measureSeconds, loopSeconds * 1000 / seedSteps,
            grid.EstimatedSeconds(), Environment.ProcessorCount, Cpu() - cpu, workers, items.Count, skipped / seedSteps,
            times.Sum(x => x.Computed) / workers * 1000 / Math.Max(1, seedSteps - skipped));
        return (cells.OfType<PhaseCell>().ToList(), timing);
    }

    /// <summary>
    /// Sets up the runs <paramref name="indices"/> (data and initial model) and trains them together as one stacked program on
    /// this thread; on a divergence, each half on its own (set up afresh), down to single runs.
    /// </summary>
    private static void TrainIsolatingDivergence(IReadOnlyList<ExperimentConfig> configs, IReadOnlyList<int> indices, TrainingRun?[] runs,
        int?[] divergedAt, CancellationToken cancel)
    {
        var setups = new List<TrainingSetup>(indices.Count);
        try
        {
            foreach (int i in indices)
            {
                cancel.ThrowIfCancellationRequested();
                setups.Add(TrainingSetup.Create(configs[i]));
            }
            var trained = BatchedTrainer.Run(setups, cancel: cancel, groups: 1);
            for (int j = 0; j < indices.Count; j++) runs[indices[j]] = trained[j];
            return;
        }
        catch (DivergenceException e)
        {
            foreach (var s in setups) s.Dispose();
            if (indices.Count == 1)
            {
                divergedAt[indices[0]] = e.Step;
                return;
            }
        }
        catch
        {
            foreach (var s in setups) s.Dispose();
            throw;
        }
        int half = indices.Count / 2;
        TrainIsolatingDivergence(configs, indices.Take(half).ToList(), runs, divergedAt, cancel);
        TrainIsolatingDivergence(configs, indices.Skip(half).ToList(), runs, divergedAt, cancel);
    }

    /// <summary>CPU seconds this process used so far (all threads): what the grid cost when the machine is shared.</summary>
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}

/// <summary>Where the time went: wall; training (data set-up included) and measurement as the workers' seconds ÷ workers; ms per
/// seed-step of the training loops alone (the same way); the estimate the budget was checked against; the process' CPU seconds
/// (comparable on a shared machine); the workers and the items they shared; the fraction of seed-steps whose gradient was exactly
/// zero (hinge inactive on every sample of the stacked program: no backward pass, no update — see <see cref="StackedSgd.Step"/>); ms per
/// seed-step over the steps that computed a gradient alone (the loops' time in those steps ÷ their number, the same way).</summary>
public sealed record PhaseTiming(double Seconds, double TrainSeconds, double MeasureSeconds, double TrainMsPerSeedStep, double EstimatedSeconds, int ProcessorCount,
    double CpuSeconds, int Workers, int Items, double ZeroGradientFraction, double TrainMsPerComputedSeedStep = double.NaN);
