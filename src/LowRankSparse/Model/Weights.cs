using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Model;

/// <summary>
/// A host-side float64 copy of the four trained weights (a snapshot). W_Q, W_K: [m_b, d]; W_V: [m_a, d]; W_O: [m, m_a].
/// Snapshots are plain data: cheap to keep for every scheduled step, and what every analysis works on.
/// </summary>
public sealed record Weights(double[,] WQ, double[,] WK, double[,] WV, double[,] WO)
{
    /// <summary>"W_Q", "W_K", "W_V", "W_O": the keys of per-weight results (<see cref="WeightNames.Name"/> of <see cref="WeightNames.All"/>).</summary>
    public static readonly IReadOnlyList<string> Names = WeightNames.All.Select(WeightNames.Name).ToArray();

    public double[,] this[Weight weight] => weight switch
    {
        Weight.Q => WQ,
        Weight.K => WK,
        Weight.V => WV,
        Weight.O => WO,
        _ => throw new ArgumentOutOfRangeException(nameof(weight), weight, null),
    };

    /// <summary>The weight printed as <paramref name="name"/> ("W_Q" …), for results keyed by name.</summary>
    public double[,] this[string name] => this[WeightNames.Parse(name)];

    public Weights With(Weight weight, double[,] value) => weight switch
    {
        Weight.Q => this with { WQ = value },
        Weight.K => this with { WK = value },
        Weight.V => this with { WV = value },
        Weight.O => this with { WO = value },
        _ => throw new ArgumentOutOfRangeException(nameof(weight), weight, null),
    };

    /// <summary>Element-wise difference this − other, e.g. ΔW = W^(T) − W^(0).</summary>
    public Weights Minus(Weights other) => new(
        Matrices.Subtract(WQ, other.WQ), Matrices.Subtract(WK, other.WK),
        Matrices.Subtract(WV, other.WV), Matrices.Subtract(WO, other.WO));

    public static Weights Of(OneLayerTransformer model) => new(
        Matrices.ToHost(model.WQ), Matrices.ToHost(model.WK), Matrices.ToHost(model.WV), Matrices.ToHost(model.WO));
}
