using System.Diagnostics;
using LowRankSparse.Config;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Phase;

/// <summary>
/// Trains a <see cref="PhaseGrid"/> and measures every cell. Cells of equal shape are trained in chunks of whole cells
/// (about <see cref="ChunkRuns"/> runs) as stacked programs in parallel groups (<see cref="BatchedTrainer"/>: each run bit for bit
/// the run trained alone); a chunk is measured and freed before the next starts, so memory stays bounded. A chunk in which a run
/// diverges is split in halves until the diverging runs are alone: they are marked in their cell, never dropped, and the others
/// train as they would have anyway.
/// </summary>
public static class PhaseRunner
{
    /// <summary>Runs per chunk [ours]: 24 keeps a chunk's data at about 150 MB on the default shape.</summary>
    public const int ChunkRuns = 24;

    /// <param name="progress">Called on the calling thread with (cells done, cells).</param>
    /// <param name="inspect">Called with each cell and its trained runs (the seeds that did not diverge) before they are disposed; may run on several threads at once.</param>
    public static PhaseResult Run(PhaseGrid grid, Action<int, int>? progress = null, CancellationToken cancel = default,
        Action<PhaseCell, IReadOnlyList<TrainingRun>>? inspect = null)
    {
        grid.Validated();
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        double trainSeconds = 0, measureSeconds = 0, loopSeconds = 0, trainCpu = 0, measureCpu = 0;
        var points = grid.Points().ToList();
        var cells = new PhaseCell[points.Count];
        int cellsPerChunk = Math.Max(1, ChunkRuns / grid.Seeds), done = 0;
        var chunks = Enumerable.Range(0, points.Count)
            .GroupBy(i => ShapeKey(grid.CellConfig(points[i].X, points[i].Y, 0)))
            .SelectMany(g => g.Chunk(cellsPerChunk)).ToList();
        foreach (var chunk in chunks)
        {
            AmbientCancellation.ThrowIfCancellationRequested(cancel);
            var configs = chunk.SelectMany(i => Enumerable.Range(0, grid.Seeds).Select(s => grid.CellConfig(points[i].X, points[i].Y, s))).ToList();
            var runs = new TrainingRun?[configs.Count];
            var divergedAt = new int?[configs.Count];
            try
            {
                var t = Stopwatch.StartNew();
                double c0 = Cpu();
                TrainIsolatingDivergence(configs, Enumerable.Range(0, configs.Count).ToList(), runs, divergedAt, cancel);
                trainSeconds += t.Elapsed.TotalSeconds;
                double c1 = Cpu();
                trainCpu += c1 - c0;
                loopSeconds += runs.Sum(r => r?.TrainSeconds ?? 0);
                t.Restart();
                using (TorchThreads.Use(BatchedTrainer.ThreadsPerOp))   // evaluation ops are tiny; cells are measured in parallel instead
                    Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = BatchedTrainer.WorkersFor(chunk.Length), CancellationToken = cancel }, c =>
                    {
                        var seeds = Enumerable.Range(c * grid.Seeds, grid.Seeds).ToList();
                        var trained = seeds.Where(j => runs[j] is not null).Select(j => runs[j]!).ToList();
                        var steps = seeds.Where(j => divergedAt[j] is not null).Select(j => divergedAt[j]!.Value).ToList();
                        cells[chunk[c]] = CellMeasurement.Of(grid, points[chunk[c]], trained, steps.Count, steps.Count > 0 ? steps.Min() : null);
                        inspect?.Invoke(cells[chunk[c]], trained);
                    });
                measureSeconds += t.Elapsed.TotalSeconds;
                measureCpu += Cpu() - c1;
            }
            finally
            {
                foreach (var r in runs) r?.Dispose();
            }
            done += chunk.Length;
            progress?.Invoke(done, points.Count);
        }
        clock.Stop();
        var timing = new PhaseTiming(clock.Elapsed.TotalSeconds, trainSeconds, measureSeconds,
            loopSeconds * 1000 / Math.Max(1, grid.Runs * (double)grid.Base.Training.Steps), grid.EstimatedSeconds(), Environment.ProcessorCount,
            Cpu() - cpu, trainCpu, measureCpu);
        return PhaseResult.Of(grid, cells, timing);
    }

    /// <summary>
    /// Sets up the runs <paramref name="indices"/> (data and initial model, in parallel: each is sequential work) and trains them
    /// together; on a divergence, each half on its own (set up afresh), down to single runs.
    /// </summary>
    private static void TrainIsolatingDivergence(IReadOnlyList<ExperimentConfig> configs, IReadOnlyList<int> indices, TrainingRun?[] runs,
        int?[] divergedAt, CancellationToken cancel)
    {
        var setups = new TrainingSetup?[indices.Count];
        try
        {
            Parallel.For(0, indices.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel },
                j => setups[j] = TrainingSetup.Create(configs[indices[j]]));
            var trained = BatchedTrainer.Run(setups.Select(s => s!).ToList(), cancel: cancel);
            for (int j = 0; j < indices.Count; j++) runs[indices[j]] = trained[j];
            return;
        }
        catch (DivergenceException e)
        {
            foreach (var s in setups) s?.Dispose();
            if (indices.Count == 1)
            {
                divergedAt[indices[0]] = e.Step;
                return;
            }
        }
        catch
        {
            foreach (var s in setups) s?.Dispose();
            throw;
        }
        int half = indices.Count / 2;
        TrainIsolatingDivergence(configs, indices.Take(half).ToList(), runs, divergedAt, cancel);
        TrainIsolatingDivergence(configs, indices.Skip(half).ToList(), runs, divergedAt, cancel);
    }

    /// <summary>CPU seconds this process used so far (all threads): what the grid cost when the machine is shared.</summary>
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static (int, int, int, int, int, int, int, int) ShapeKey(ExperimentConfig c) => (c.Data.Dim, c.Data.Tokens, c.Model.Neurons,
        c.Model.KeyDimFor(c.Data.Dim), c.Model.ValueDimFor(c.Data.Dim), c.Training.Steps, c.Training.BatchSize, c.Training.SnapshotEvery);
}

/// <summary>Where the time went: wall, training (data set-up included), measurement; ms per seed-step of the training loops alone;
/// the estimate the budget was checked against; and the process' CPU seconds for the same parts (comparable on a shared machine).</summary>
public sealed record PhaseTiming(double Seconds, double TrainSeconds, double MeasureSeconds, double TrainMsPerSeedStep, double EstimatedSeconds, int ProcessorCount,
    double CpuSeconds, double TrainCpuSeconds, double MeasureCpuSeconds);
