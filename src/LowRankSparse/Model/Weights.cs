using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Model;

/// <summary>
/// A host-side float64 copy of the four trained weights (a snapshot). W_Q, W_K: [m_b, d]; W_V: [m_a, d]; W_O: [m, m_a].
/// Snapshots are plain data: cheap to keep for every scheduled step, and what every analysis works on.
/// </summary>
public sealed record Weights(double[,] WQ, double[,] WK, double[,] WV, double[,] WO)
{
    public static readonly string[] Names = { "W_Q", "W_K", "W_V", "W_O" };

    public double[,] this[string name] => name switch
    {
        "W_Q" => WQ,
        "W_K" => WK,
        "W_V" => WV,
        "W_O" => WO,
        _ => throw new ArgumentException($"unknown weight '{name}'; expected one of {string.Join(", ", Names)}"),
    };

    public Weights With(string name, double[,] value) => name switch
    {
        "W_Q" => this with { WQ = value },
        "W_K" => this with { WK = value },
        "W_V" => this with { WV = value },
        "W_O" => this with { WO = value },
        _ => throw new ArgumentException($"unknown weight '{name}'; expected one of {string.Join(", ", Names)}"),
    };

    /// <summary>Element-wise difference this − other, e.g. ΔW = W^(T) − W^(0).</summary>
    public Weights Minus(Weights other) => new(
        Matrices.Subtract(WQ, other.WQ), Matrices.Subtract(WK, other.WK),
        Matrices.Subtract(WV, other.WV), Matrices.Subtract(WO, other.WO));

    public static Weights Of(OneLayerTransformer model) => new(
        Matrices.ToHost(model.WQ), Matrices.ToHost(model.WK), Matrices.ToHost(model.WV), Matrices.ToHost(model.WO));
}
