using LowRankSparse.Pruning;
using LowRankSparse.Training;

namespace LowRankSparse.Measurements;

/// <summary>
/// Pruning curves (claim 3) over the training seeds: structured neuron pruning of W_O by magnitude, at random and
/// largest-first (the paper's experiment), plus unstructured pruning of W_O and global magnitude pruning of all weights.
/// </summary>
public sealed record PruningSection(
    IReadOnlyList<PruningPoint> Magnitude,
    IReadOnlyList<PruningPoint> Random,
    IReadOnlyList<PruningPoint> LargestFirst,
    IReadOnlyList<PruningPoint> UnstructuredMagnitude,
    IReadOnlyList<PruningPoint> UnstructuredRandom,
    IReadOnlyList<PruningPoint> GlobalMagnitude)
{
    public const int Curves = 6;

    /// <summary>[ours] Seeds behind the weight-level pruning curves (unstructured W_O, all weights): figures only, and the costliest curves.</summary>
    public const int WeightLevelSeeds = 3;

    /// <summary>The six curves side by side on the workers (<see cref="ParallelWork"/>), <paramref name="advance"/> once per curve.</summary>
    public static PruningSection Compute(IReadOnlyList<TrainingRun> runs, IMeasurementOptions options, Action? advance = null, CancellationToken cancel = default)
    {
        var curves = new (PruneMethod Method, PruningCurves.Target Target)[]
        {
            (PruneMethod.Magnitude, PruningCurves.Neurons),
            (PruneMethod.Random, PruningCurves.Neurons),
            (PruneMethod.LargestFirst, PruningCurves.Neurons),
            (PruneMethod.Magnitude, PruningCurves.OutputWeights),
            (PruneMethod.Random, PruningCurves.OutputWeights),
            (PruneMethod.Magnitude, PruningCurves.AllWeights),
        };
        // the weight-level curves (figures only, no verdict reads them) run the whole network per mask: on the first WeightLevelSeeds seeds
        var c = ParallelWork.Map(curves, x => PruningCurves.Compute(x.Target.NeuronsOnly ? runs : runs.Take(WeightLevelSeeds).ToList(), options.Rates, x.Method,
            x.Target, options.RandomMasks), advance, cancel);
        return new PruningSection(c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}
