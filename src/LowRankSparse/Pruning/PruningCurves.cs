using LowRankSparse.Analysis;
using LowRankSparse.Model;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Pruning;

/// <summary>
/// Pruning curves of trained models: for each rate R, prune and evaluate on the test set. Each trained model is used as is —
/// never retrained per rate. Random pruning averages over several seeded masks per model; all methods average over the
/// given models (training seeds), giving the bands. Neuron pruning is evaluated from per-neuron contributions (one forward
/// pass per model, see <see cref="NeuronContributions"/>); weight-level pruning runs the network on the pruned weights.
/// </summary>
public static class PruningCurves
{
    /// <summary>What gets pruned: a pruning function, and whether it removes whole W_O rows only (neurons).</summary>
    public sealed record Target(string Name, Func<Weights, double, PruneMethod, int, PrunedWeights> Prune, bool NeuronsOnly);

    /// <summary>Structured neuron pruning of W_O rows (the paper's experiment; L2 norm for magnitude).</summary>
    public static readonly Target Neurons = new($"{Weight.O.Name()} neurons", (w, rate, method, seed) => Prune.Structured(w, Weight.O, rate, method, seed), true);

    /// <summary>Unstructured weight-level pruning of W_O (|w| for magnitude).</summary>
    public static readonly Target OutputWeights = new($"{Weight.O.Name()} weights", (w, rate, method, seed) => Prune.Unstructured(w, Weight.O, rate, method, seed), false);

    /// <summary>Global unstructured pruning across W_Q, W_K, W_V, W_O.</summary>
    public static readonly Target AllWeights = new("all weights", (w, rate, method, seed) => Prune.Global(w, WeightNames.All, rate, method, seed), false);

    public static IReadOnlyList<PruningPoint> Compute(IReadOnlyList<TrainingRun> runs, IReadOnlyList<double> rates, PruneMethod method,
        Target target, int randomSeeds = 5)
    {
        int masks = method == PruneMethod.Random ? randomSeeds : 1;
        var contributions = target.NeuronsOnly ? runs.Select(r => NeuronContributions.Of(r.Final, r.OutputVector, r.Test)).ToList() : null;
        try
        {
            var points = new List<PruningPoint>();
            foreach (double rate in rates)
            {
                var evals = new List<Evaluation>();
                for (int m = 0; m < runs.Count; m++)
                    for (int s = 0; s < masks; s++)
                    {
                        var pruned = target.Prune(runs[m].Final, rate, method, 1000 + s);
                        evals.Add(contributions is null
                            ? Evaluation.Of(pruned.Effective, runs[m].OutputVector, runs[m].Test)
                            : contributions[m].Evaluate(KeptRows(pruned.Masks[Weight.O])));
                    }
                points.Add(new PruningPoint(rate,
                    evals.Average(e => e.HingeLoss), evals.Average(e => e.Accuracy),
                    Stats.Std(evals.Select(e => e.HingeLoss)), Stats.Std(evals.Select(e => e.Accuracy)))
                {
                    TestLossBySeed = evals.Chunk(masks).Select(c => c.Average(e => e.HingeLoss)).ToArray(),
                    TestAccuracyBySeed = evals.Chunk(masks).Select(c => c.Average(e => e.Accuracy)).ToArray(),
                });
            }
            return points;
        }
        finally
        {
            contributions?.ForEach(c => c.Dispose());
        }
    }

    private static bool[] KeptRows(double[,] mask) => Enumerable.Range(0, mask.GetLength(0)).Select(i => mask[i, 0] != 0).ToArray();
}
