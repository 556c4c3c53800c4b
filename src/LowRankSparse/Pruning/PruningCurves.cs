using LowRankSparse.Model;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Pruning;

/// <summary>
/// Pruning curves of trained models: for each rate R, prune W_O's neurons (or weights) and evaluate on the test set.
/// Uses each trained model once — never retrains per rate. Random pruning averages over <c>randomSeeds</c> masks per model;
/// all methods average over the given models (training seeds), giving the bands.
/// </summary>
public static class PruningCurves
{
    public static readonly double[] DefaultRates = Enumerable.Range(0, 10).Select(i => i / 10.0).ToArray();

    public delegate PrunedWeights Pruner(Weights weights, double rate, PruneMethod method, int seed);

    /// <summary>Structured neuron pruning of W_O rows (the paper's experiment).</summary>
    public static readonly Pruner Neurons = (w, rate, method, seed) => Prune.Structured(w, "W_O", rate, method, seed);

    /// <summary>Unstructured weight-level pruning of W_O.</summary>
    public static readonly Pruner OutputWeights = (w, rate, method, seed) => Prune.Unstructured(w, "W_O", rate, method, seed);

    /// <summary>Global unstructured pruning across W_Q, W_K, W_V, W_O.</summary>
    public static readonly Pruner AllWeights = (w, rate, method, seed) => Prune.Global(w, Weights.Names, rate, method, seed);

    public static IReadOnlyList<PruningPoint> Compute(IReadOnlyList<TrainingRun> runs,
        IReadOnlyList<double> rates, PruneMethod method, Pruner pruner, int randomSeeds = 5)
    {
        int masks = method == PruneMethod.Random ? randomSeeds : 1;
        var points = new List<PruningPoint>();
        foreach (double rate in rates)
        {
            var evals = new List<Evaluation>();
            foreach (var run in runs)
                for (int s = 0; s < masks; s++)
                    evals.Add(Evaluation.Of(pruner(run.Final, rate, method, 1000 + s).Effective, run.OutputVector, run.Test));
            points.Add(new PruningPoint(rate,
                evals.Average(e => e.HingeLoss), evals.Average(e => e.Accuracy),
                Stats.Std(evals.Select(e => e.HingeLoss)), Stats.Std(evals.Select(e => e.Accuracy))));
        }
        return points;
    }
}
