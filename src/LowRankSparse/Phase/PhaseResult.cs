using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Phase;

/// <summary>A trained and measured phase grid: its axes and values, every cell, the theory's conditions and where each claim's boundary was measured.</summary>
public sealed record PhaseResult(string XAxis, string XField, string XSymbol, IReadOnlyList<double> XValues,
    string YAxis, string YField, string YSymbol, IReadOnlyList<double> YValues, int Seeds, double PruneRate, ExperimentConfig BaseConfig,
    IReadOnlyList<string> Conditions, IReadOnlyList<PhaseCell> Cells, IReadOnlyList<PhaseBoundary> Boundaries, PhaseTiming Timing)
{
    public static PhaseResult Of(PhaseGrid grid, IReadOnlyList<PhaseCell> cells, PhaseTiming timing) =>
        Partial(grid, cells, timing) with { Boundaries = PhaseBoundary.All(grid, cells) };

    /// <summary>Some of the grid's cells (a shard's): no boundaries, which need every cell; <see cref="PhaseMerge"/> draws them once all shards are in.</summary>
    public static PhaseResult Partial(PhaseGrid grid, IReadOnlyList<PhaseCell> cells, PhaseTiming timing) =>
        new(grid.X.Name, grid.X.Field, grid.X.Symbol, grid.XValues, grid.Y.Name, grid.Y.Field, grid.Y.Symbol, grid.YValues, grid.Seeds, grid.PruneRate,
            grid.Base, PhaseCondition.For(grid.X, grid.Y).Select(c => c.Text).ToList(), cells, [], timing);

    /// <summary>The grid these results are of (the budget is not kept: it only guards a run about to start).</summary>
    public PhaseGrid Grid() => new(BaseConfig, PhaseAxis.Named(XAxis, "x_axis"), XValues, PhaseAxis.Named(YAxis, "y_axis"), YValues, Seeds, PruneRate);

    public PhaseCell Cell(int ix, int iy) => Cells.First(c => c.Ix == ix && c.Iy == iy);
}
