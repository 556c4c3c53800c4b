using LowRankSparse.Model;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// Plain SGD on the hinge loss for S stacked runs: their weights, their precomputed mini-batches and the step, split into
/// forward, backward and update (so the benchmark can time each phase). Owns its tensors; the setups keep theirs.
/// </summary>
public sealed class StackedSgd : IDisposable
{
    private readonly FixedOutput _a;

    public StackedSgd(IReadOnlyList<TrainingSetup> setups, CancellationToken cancel = default)
    {
        Weights = StackedWeights.From(setups.Select(s => Model.Weights.Of(s.Model)).ToList());
        _a = new FixedOutput(setups[0].Model.OutputVector, setups[0].Train.Tokens);
        Batches = new StackedBatches(setups, cancel);
    }

    public StackedWeights Weights { get; }
    public StackedBatches Batches { get; }

    /// <summary>One full step; returns F(X) of the step's mini-batches [S, B] (in the caller's dispose scope).</summary>
    public Tensor Step(int step)
    {
        var f = Forward(step);
        Update(Backward(step, f));
        return f.Output;
    }

    public FusedActivations Forward(int step) => FusedStep.Forward(Weights, Batches.Inputs(step), _a);

    /// <summary>η times the loss gradients: ∂(η·mean hinge)/∂F = −η·y/B where y·F &lt; 1, pushed back through the network.</summary>
    public (Tensor Wqkv, Tensor Wo) Backward(int step, FusedActivations f)
    {
        var upstream = (f.Output * Batches.Labels[step] < 1) * Batches.Coefficients[step];
        return FusedStep.Backward(Weights, f, upstream, _a);
    }

    public void Update((Tensor Wqkv, Tensor Wo) scaledGradients)
    {
        Weights.Wqkv.sub_(scaledGradients.Wqkv);
        Weights.Wo.sub_(scaledGradients.Wo);
    }

    public void Dispose()
    {
        Weights.Dispose();
        _a.Dispose();
        Batches.Dispose();
    }
}
