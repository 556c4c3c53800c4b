using System.Diagnostics;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments;

/// <summary>
/// Runs one stage of an experiment (<see cref="Reproduction"/>, <see cref="RealData.RealDataExperiment"/>): tells the progress
/// display, runs the work with one libtorch thread per op (<see cref="ParallelWork.OneThreadPerOp{T}"/>: a busy core slows one
/// worker instead of stalling OpenMP barriers) and records its wall seconds under its stable name.
/// </summary>
public static class StageClock
{
    public static T Run<T>(string name, string label, int units, IDictionary<string, double> seconds, IStageProgress progress, Func<T> work)
    {
        progress.Begin(label, units);
        var clock = Stopwatch.StartNew();
        var result = ParallelWork.OneThreadPerOp(work);
        seconds[name] = clock.Elapsed.TotalSeconds;
        progress.End();
        return result;
    }
}
