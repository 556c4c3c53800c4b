using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Theory;

/// <summary>
/// Whether the trained model has converged — the precondition of every claim about the trained model: mean test hinge loss over
/// seeds at most <see cref="Thresholds.ConvergedTestLoss"/>. (Test accuracy alone is no sign: it reaches 1.000 after 3 steps,
/// with a test hinge loss of 0.98.)
/// </summary>
public sealed record Convergence(double TestLossMean, double TestAccuracyMean)
{
    public bool Converged => TestLossMean <= Thresholds.ConvergedTestLoss;

    public string Text => $"the model has converged: mean test hinge loss ≤ {Thresholds.ConvergedTestLoss} [ours] " +
                          $"(measured {Fmt.F(TestLossMean, 4)}, accuracy {Fmt.F(TestAccuracyMean, 3)})";

    public static Convergence Of(IEnumerable<(double Loss, double Accuracy)> perSeed)
    {
        var list = perSeed.ToList();
        return new Convergence(Stats.Mean(list.Select(p => p.Loss)), Stats.Mean(list.Select(p => p.Accuracy)));
    }

    public static Convergence Of(IEnumerable<TrainingRun> runs) => Of(runs.Select(r => r.EvaluateTest()).Select(e => (e.HingeLoss, e.Accuracy)));
}
