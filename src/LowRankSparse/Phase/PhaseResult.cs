using LowRankSparse.Config;

namespace LowRankSparse.Phase;

/// <summary>A trained and measured phase grid: its axes and values, every cell, the theory's conditions and where each claim's boundary was measured.</summary>
public sealed record PhaseResult(string XAxis, string XField, string XSymbol, IReadOnlyList<double> XValues,
    string YAxis, string YField, string YSymbol, IReadOnlyList<double> YValues, int Seeds, double PruneRate, ExperimentConfig BaseConfig,
    IReadOnlyList<string> Conditions, IReadOnlyList<PhaseCell> Cells, IReadOnlyList<PhaseBoundary> Boundaries, PhaseTiming Timing)
{
    public static PhaseResult Of(PhaseGrid grid, IReadOnlyList<PhaseCell> cells, PhaseTiming timing) =>
        new(grid.X.Name, grid.X.Field, grid.X.Symbol, grid.XValues, grid.Y.Name, grid.Y.Field, grid.Y.Symbol, grid.YValues, grid.Seeds, grid.PruneRate,
            grid.Base, PhaseCondition.For(grid.X, grid.Y).Select(c => c.Text).ToList(), cells, PhaseBoundary.All(grid, cells), timing);

    public PhaseCell Cell(int ix, int iy) => Cells.First(c => c.Ix == ix && c.Iy == iy);
}
