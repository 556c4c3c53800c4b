using LowRankSparse.Config;
using LowRankSparse.Phase;

namespace LowRankSparse.Benchmarks;

/// <summary>
/// Grid throughput: one phase grid (default 8 × 8 cells × 3 seeds over δ × τ on the given config, no divergence) trained and
/// measured end to end, with the load average of the machine before and after (it is shared: say what the numbers ran under).
/// </summary>
public static class PhaseBench
{
    public sealed record Result(string Grid, int Runs, int Steps, double Seconds, double TrainSeconds, double MeasureSeconds, double MsPerSeedStep,
        double CellsPerSecond, double CpuSeconds, double LoadAverageBefore, double LoadAverageAfter);

    public static Result Run(ExperimentConfig config, int points = 8, int seeds = 3)
    {
        var grid = new PhaseGrid(config, PhaseAxis.QkInitScale, PhaseAxis.QkInitScale.Linspace(0.25, 1.5, points), PhaseAxis.Noise,
            PhaseAxis.Noise.Linspace(0, 0.35, points), seeds, BudgetSeconds: double.MaxValue).Validated();
        double before = LoadAverage();
        var r = PhaseRunner.Run(grid);
        var t = r.Timing;
        return new Result($"{points} × {points} × {seeds} seeds (δ × τ)", grid.Runs, config.Training.Steps, t.Seconds, t.TrainSeconds, t.MeasureSeconds,
            t.TrainMsPerSeedStep, grid.Cells / t.Seconds, t.CpuSeconds, before, LoadAverage());
    }

    /// <summary>The 1-minute load average (/proc/loadavg; NaN where there is none).</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }
}
