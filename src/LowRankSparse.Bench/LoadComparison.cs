namespace LowRankSparse.Benchmarks;

/// <summary>
/// <c>bench --reproduce</c>: wall time and time per stage of <c>reproduce --quick</c> run quiet and with every core kept busy by
/// other processes (<see cref="BusyCores"/>), in alternation within one bench run; medians over the repeats.
/// </summary>
public sealed record LoadComparison
{
    public required DateTime StartedUtc { get; init; }
    public required int ProcessorCount { get; init; }
    public required int BusyProcesses { get; init; }
    public required int Repeats { get; init; }
    public required IReadOnlyList<LoadRun> Runs { get; init; }
    /// <summary>The LowRankSparse.Cli.dll timed (this build unless <c>--reproduce-cli</c> named another, e.g. an older commit's).</summary>
    public required string Cli { get; init; }
    /// <summary>The command timed: <c>reproduce --quick</c>, or <c>reproduce</c> (the default, theory config) with <c>bench --reproduce --full</c>.</summary>
    public string Command { get; init; } = "reproduce --quick";

    public double QuietWallSeconds => Median(Runs.Where(r => !r.Loaded).Select(r => r.WallSeconds));
    public double LoadedWallSeconds => Median(Runs.Where(r => r.Loaded).Select(r => r.WallSeconds));
    public double Ratio => LoadedWallSeconds / QuietWallSeconds;

    /// <summary>Median seconds per stage: (stage, quiet, loaded), in the order the stages ran.</summary>
    public IReadOnlyList<(string Stage, double Quiet, double Loaded)> Stages =>
        Runs.SelectMany(r => r.StageSeconds.Keys).Distinct()
            .Select(s => (s, Median(Runs.Where(r => !r.Loaded).Select(r => r.StageSeconds.GetValueOrDefault(s))),
                Median(Runs.Where(r => r.Loaded).Select(r => r.StageSeconds.GetValueOrDefault(s))))).ToList();

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>One timed run: quiet or loaded, the wall time of the whole process, its stages' own times and the load average before it.</summary>
public sealed record LoadRun(bool Loaded, double WallSeconds, IReadOnlyDictionary<string, double> StageSeconds, double? LoadAverageBefore);
