using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Phase;

/// <summary>
/// A phase grid: two conditions of the theory (<see cref="PhaseAxis"/>) varied over a base config, every cell trained for
/// <see cref="Seeds"/> seeds (seed, seed + 1, …) with snapshots at the first and last step only. <see cref="Validated"/> refuses
/// unknown or repeated axes, empty, unordered or non-integer ranges, cells that break the data model's constraints and grids whose
/// expected time exceeds <see cref="BudgetSeconds"/>, naming the field at fault (<see cref="ConfigException"/>).
/// </summary>
public sealed record PhaseGrid(ExperimentConfig Base, PhaseAxis X, IReadOnlyList<double> XValues, PhaseAxis Y, IReadOnlyList<double> YValues,
    int Seeds = 3, double PruneRate = 0.3, double BudgetSeconds = 300)
{
    /// <summary>[measured, bench/README.md] ms per seed-step of stacked training at the default shape on 2 quiet cores; scaled by FLOPs for other shapes.</summary>
    public const double MsPerSeedStepAtDefault = 0.2;

    /// <summary>[measured here] setting up (data, model) and measuring one run at the default shape, ms; scaled by samples.</summary>
    public const double OverheadMsPerRunAtDefault = 40;

    public int Cells => XValues.Count * YValues.Count;
    public int Runs => Cells * Seeds;

    /// <summary>The config of cell (x, y) for seed index <paramref name="seed"/> (0-based).</summary>
    public ExperimentConfig CellConfig(double x, double y, int seed)
    {
        var c = Y.Apply(X.Apply(Base, x), y);
        c = SeedRuns.WithSeed(c, Base.Training.Seed + seed);
        return c with { Training = c.Training with { SnapshotEvery = 0 } };
    }

    public IEnumerable<(int Ix, int Iy, double X, double Y)> Points() =>
        from iy in Enumerable.Range(0, YValues.Count) from ix in Enumerable.Range(0, XValues.Count) select (ix, iy, XValues[ix], YValues[iy]);

    /// <summary>
    /// The cells (indices into <see cref="Points"/>) cut into the items the runner trains as one stacked program each: cells of one
    /// shape (in order of their first cell), <paramref name="runsPerItem"/> runs at most and at least one whole cell per item.
    /// Deterministic: <see cref="PhaseShard"/> deals these same items out to the shards.
    /// </summary>
    public IReadOnlyList<int[]> Items(int runsPerItem)
    {
        var points = Points().ToList();
        int cellsPerItem = Math.Max(1, runsPerItem / Seeds);
        return Enumerable.Range(0, points.Count)
            .GroupBy(i => ShapeKey(CellConfig(points[i].X, points[i].Y, 0)))
            .SelectMany(g => g.Chunk(cellsPerItem)).ToList();
    }

    private static (int, int, int, int, int, int, int, int) ShapeKey(ExperimentConfig c) => (c.Data.Dim, c.Data.Tokens, c.Model.Neurons,
        c.Model.KeyDimFor(c.Data.Dim), c.Model.ValueDimFor(c.Data.Dim), c.Training.Steps, c.Training.BatchSize, c.Training.SnapshotEvery);

    /// <summary>Expected wall time in seconds on 2 quiet cores: training (FLOP-scaled from the default shape) plus set-up and measurement.</summary>
    public double EstimatedSeconds() => EstimatedSeconds(Points());

    /// <summary>The expected seconds of shard <paramref name="shard"/>'s cells alone (items of <see cref="Phase.PhaseRunner.RunsPerItem"/> runs).</summary>
    public double EstimatedSeconds(PhaseShard shard)
    {
        var points = Points().ToList();
        return EstimatedSeconds(shard.Of(Items(PhaseRunner.RunsPerItem)).SelectMany(item => item).Select(i => points[i]));
    }

    private double EstimatedSeconds(IEnumerable<(int Ix, int Iy, double X, double Y)> points)
    {
        var reference = new ExperimentConfig();
        double flops = FlopCount.Step(reference);
        return points.Sum(p =>
        {
            var c = CellConfig(p.X, p.Y, 0);
            double train = c.Training.Steps * MsPerSeedStepAtDefault * FlopCount.Step(c) / flops;
            double overhead = OverheadMsPerRunAtDefault * (c.Data.TrainSamples + c.Data.TestSamples) / (double)(reference.Data.TrainSamples + reference.Data.TestSamples);
            return Seeds * (train + overhead) / 1000;
        });
    }

    /// <param name="shard">Check the time budget against this shard's share of the grid (null: the whole grid).</param>
    public PhaseGrid Validated(PhaseShard? shard = null)
    {
        var v = new Validator();
        v.Require(X != Y, "y axis", Y.Name, $"must differ from the x axis ({X.Name})");
        Check(v, "x", X, XValues);
        Check(v, "y", Y, YValues);
        v.Require(Seeds >= 1, "seeds", Seeds, "must be an integer ≥ 1");
        v.Require(PruneRate > 0 && PruneRate < 1, "prune rate", PruneRate, "must be a fraction in (0, 1)");
        v.Require(BudgetSeconds > 0, "budget", BudgetSeconds, "must be a number of seconds > 0");
        v.ThrowIfAny();
        var seen = new HashSet<string>();
        foreach (var p in Points())
        {
            var cell = new Validator();
            var c = CellConfig(p.X, p.Y, 0);
            c.Data.Validate(cell);
            c.Model.Validate(cell);
            c.Training.Validate(cell, c.Data.TrainSamples);
            foreach (var e in cell.Errors)
            {
                string field = e[..Math.Max(0, e.IndexOf(" = ", StringComparison.Ordinal))];
                if (seen.Add(field)) v.Require(false, $"grid cell {X.Name} = {X.Format(p.X)}, {Y.Name} = {Y.Format(p.Y)}: {field}", null, e);
            }
        }
        v.ThrowIfAny();
        double expected = shard is null || shard.Count == 1 ? EstimatedSeconds() : EstimatedSeconds(shard);
        string share = shard is null || shard.Count == 1 ? "" : $" for shard {shard}";
        v.Require(expected <= BudgetSeconds, "grid size", $"{XValues.Count} × {YValues.Count} cells × {Seeds} seeds = {Runs} runs",
            $"expected ≈ {expected:F0} s on 2 cores{share}, over the time budget of {BudgetSeconds:F0} s: use fewer points or seeds, more shards, or raise the budget");
        v.ThrowIfAny();
        return this;
    }

    private static void Check(Validator v, string which, PhaseAxis axis, IReadOnlyList<double> values)
    {
        string field = $"{which} values ({axis.Name})";
        v.Require(values.Count > 0, field, "[]", "need at least one value");
        v.Require(values.All(double.IsFinite), field, List(values), "must be finite numbers");
        v.Require(values.Zip(values.Skip(1)).All(p => p.Second > p.First), field, List(values), "must be strictly increasing (no reversed range, no repeats)");
        if (axis.Integer) v.Require(values.All(x => x == Math.Round(x)), field, List(values), $"must be integers ({axis.Field})");
    }

    private static string List(IReadOnlyList<double> values) => "[" + string.Join(", ", values.Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
