using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Model;

/// <summary>Float32 tensors of a weight snapshot, created in the caller's dispose scope (for evaluating snapshots without a module).</summary>
public sealed record WeightTensors(Tensor WQ, Tensor WK, Tensor WV, Tensor WO, Tensor A)
{
    public static WeightTensors From(Weights w, double[] a) => new(
        Matrices.ToTensor(w.WQ), Matrices.ToTensor(w.WK), Matrices.ToTensor(w.WV), Matrices.ToTensor(w.WO),
        tensor(a.Select(v => (float)v).ToArray()));
}
