using LowRankSparse.Data;
using LowRankSparse.Model;

namespace LowRankSparse.Training;

/// <summary>
/// Everything one training run produced: the data, the trained model, the snapshots (step 0 first, the last step last)
/// and the per-step log. Owns native tensors: dispose it when done.
/// </summary>
public sealed class TrainingRun : IDisposable
{
    public required ExperimentConfig Config { get; init; }
    public required PatternSet Patterns { get; init; }
    public required Dataset Train { get; init; }
    public required Dataset Test { get; init; }
    public required OneLayerTransformer Model { get; init; }
    public required IReadOnlyList<Snapshot> Snapshots { get; init; }
    /// <summary>Mean hinge loss of the mini-batch at each step.</summary>
    public required float[] Loss { get; init; }
    /// <summary>0-1 accuracy of the mini-batch at each step (before the update).</summary>
    public required float[] BatchAccuracy { get; init; }
    /// <summary>Wall time of the training loop only.</summary>
    public required double TrainSeconds { get; init; }
    /// <summary>Steps of the stacked program this run was trained in whose gradient was exactly zero for every run in it (skipped: no backward pass, no update).</summary>
    public int ZeroGradientSteps { get; init; }
    /// <summary>The part of <see cref="TrainSeconds"/> spent in steps that computed a gradient (its stacked program's share of loop time in
    /// such steps): with <see cref="ZeroGradientSteps"/>, the time per computed step.</summary>
    public double ComputedStepSeconds { get; init; }

    public Weights Initial => Snapshots[0].Weights;
    public Weights Final => Snapshots[^1].Weights;
    /// <summary>ΔW = W^(T) − W^(0) for all four weights.</summary>
    public Weights Update => Final.Minus(Initial);
    public double[] OutputVector => Model.OutputVector;

    public Evaluation EvaluateTest() => Evaluation.Of(Model, Test);
    public Evaluation EvaluateTrain() => Evaluation.Of(Model, Train);

    public void Dispose()
    {
        Model.Dispose();
        Train.Dispose();
        Test.Dispose();
    }
}
