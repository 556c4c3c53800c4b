using System.Diagnostics;

namespace LowRankSparse.Benchmarks;

/// <summary>Wall-clock helpers: the machine is shared, so every number is the median of several repeats.</summary>
public static class Timing
{
    public static double Seconds(Action work)
    {
        long start = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Median wall time in seconds of <paramref name="repeats"/> runs of <paramref name="work"/> (after one warm-up run).</summary>
    public static double MedianSeconds(int repeats, Action work)
    {
        work();
        return Median(Enumerable.Range(0, repeats).Select(_ => Seconds(work)));
    }

    public static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        if (v.Length == 0) return double.NaN;
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
