using LowRankSparse.Pruning;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments.Sections;

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

    public static PruningSection Compute(IReadOnlyList<TrainingRun> runs, ReproduceOptions options, Action? advance = null)
    {
        IReadOnlyList<PruningPoint> Curve(PruneMethod method, PruningCurves.Target target)
        {
            var points = PruningCurves.Compute(runs, options.Rates, method, target, options.RandomMasks);
            advance?.Invoke();
            return points;
        }
        return new PruningSection(
            Curve(PruneMethod.Magnitude, PruningCurves.Neurons),
            Curve(PruneMethod.Random, PruningCurves.Neurons),
            Curve(PruneMethod.LargestFirst, PruningCurves.Neurons),
            Curve(PruneMethod.Magnitude, PruningCurves.OutputWeights),
            Curve(PruneMethod.Random, PruningCurves.OutputWeights),
            Curve(PruneMethod.Magnitude, PruningCurves.AllWeights));
    }
}
