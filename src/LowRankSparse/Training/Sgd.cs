using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The optimizer of <see cref="Trainer"/>: <c>torch.optim.SGD(parameters, η, momentum, weight_decay)</c>. The paper's is
/// <see cref="Plain"/> (docs/paper-notes.md §3: no momentum, no weight decay, constant step).
/// </summary>
public sealed record Sgd(double Momentum = 0, double WeightDecay = 0)
{
    /// <summary>W ← W − η·∇W: the paper's optimizer and the default.</summary>
    public static readonly Sgd Plain = new();

    /// <summary>
    /// True for plain SGD: the update is η·∇W and nothing else, so a step whose gradient is exactly zero leaves the weights as they
    /// are. Only then is the fused stacked path exact, which skips such steps (with momentum or weight decay the weights still move).
    /// </summary>
    public bool IsPlain => Momentum == 0 && WeightDecay == 0;

    public optim.Optimizer Create(IEnumerable<Parameter> parameters, double learningRate) =>
        optim.SGD(parameters, learningRate, momentum: Momentum, weight_decay: WeightDecay);
}
