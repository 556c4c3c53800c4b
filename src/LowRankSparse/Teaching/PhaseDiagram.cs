using LowRankSparse.Training;
using LowRankSparse.Config;
using LowRankSparse.Phase;

namespace LowRankSparse.Teaching;

/// <summary>
/// A grid over two conditions of the theory, several seeds per cell, every claim judged in every cell (<see cref="PhaseRunner"/>).
/// </summary>
public static class PhaseDiagram
{
    /// <summary>The grid <paramref name="x"/> × <paramref name="y"/> on <paramref name="config"/>, <paramref name="seeds"/> seeds per cell.</summary>
    public static PhaseGrid Grid(ExperimentConfig config, PhaseAxis x, IReadOnlyList<double> xs, PhaseAxis y, IReadOnlyList<double> ys,
        int seeds) => new(config, x, xs, y, ys, seeds);

    /// <summary>Trains every cell (the cells of one shape as one stacked program, each run bit for bit the run trained alone) and measures it.</summary>
    public static PhaseResult Run(PhaseGrid grid) => PhaseRunner.Run(grid);

    /// <summary>δ_sat: above it the initial attention of a label-relevant query is saturated (≥ 0.9 on its own pattern) [ours].</summary>
    public static double SaturationScale(ExperimentConfig config) => PhaseCondition.SaturationScale(config.Data);
}
