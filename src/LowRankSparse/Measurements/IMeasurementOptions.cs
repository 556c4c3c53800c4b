using LowRankSparse.Training;

namespace LowRankSparse.Measurements;

/// <summary>
/// What the measurement sections read of a reproduction's options: the base experiment, the seeds behind every band and the sweep
/// grids. <c>ReproduceOptions</c> (Experiments, a later layer) implements it, so a section never depends on the pipeline that runs it.
/// </summary>
public interface IMeasurementOptions
{
    ExperimentConfig Config { get; }
    /// <summary>Training seeds behind every band and every verdict's interval.</summary>
    int Seeds { get; }
    /// <summary>Seeds per point of the K and τ sweeps.</summary>
    int SweepSeeds { get; }
    int RandomMasks { get; }
    IReadOnlyList<double> Rates { get; }
    IReadOnlyList<int> LabelRelevantCounts { get; }
    IReadOnlyList<double> NoiseLevels { get; }
    IReadOnlyList<int> PatternCounts { get; }
    IReadOnlyList<int> Ranks { get; }
}
