using LowRankSparse.Model;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The trained weights of S models of equal shape with a leading seed dimension, laid out for the fused training step:
/// <see cref="Wqkv"/> [S, 2·m_b + m_a, d] stacks the rows of W_Q, W_K, W_V (one matmul computes all three projections) and
/// <see cref="Wo"/> is [S, m, m_a]. Float32, no autograd; updated in place. Owns its tensors: dispose it when done.
/// </summary>
internal sealed class StackedWeights : IDisposable
{
    private StackedWeights(Tensor wqkv, Tensor wo, int keyDim, int valueDim)
    {
        Wqkv = wqkv;
        Wo = wo;
        KeyDim = keyDim;
        ValueDim = valueDim;
    }

    public Tensor Wqkv { get; }
    public Tensor Wo { get; }
    public int KeyDim { get; }
    public int ValueDim { get; }
    public int Seeds => (int)Wqkv.shape[0];

    /// <summary>Views into <see cref="Wqkv"/>: [S, m_b, d], [S, m_b, d], [S, m_a, d].</summary>
    public Tensor WQ => Wqkv.narrow(1, 0, KeyDim);
    public Tensor WK => Wqkv.narrow(1, KeyDim, KeyDim);
    public Tensor WV => Wqkv.narrow(1, 2 * KeyDim, ValueDim);

    public static StackedWeights From(IReadOnlyList<Weights> models)
    {
        if (models.Count == 0) throw new ArgumentException("at least one model is needed");
        var first = models[0];
        int keyDim = first.WQ.GetLength(0), valueDim = first.WV.GetLength(0);
        foreach (var w in models)
            foreach (var weight in WeightNames.All)
                if (w[weight].GetLength(0) != first[weight].GetLength(0) || w[weight].GetLength(1) != first[weight].GetLength(1))
                    throw new ArgumentException($"models of different shapes cannot be stacked ({weight.Name()})");
        using var scope = NewDisposeScope();
        var wqkv = stack(models.Select(w => cat(new[] { Matrices.ToTensor(w.WQ), Matrices.ToTensor(w.WK), Matrices.ToTensor(w.WV) }, 0)));
        var wo = stack(models.Select(w => Matrices.ToTensor(w.WO)));
        return new StackedWeights(wqkv.DetachFromDisposeScope(), wo.DetachFromDisposeScope(), keyDim, valueDim);
    }

    /// <summary>Copies model <paramref name="seed"/>'s weights into the parameters of <paramref name="model"/>.</summary>
    public void CopyInto(OneLayerTransformer model, int seed)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.WQ.copy_(WQ[seed]);
        model.WK.copy_(WK[seed]);
        model.WV.copy_(WV[seed]);
        model.WO.copy_(Wo[seed]);
    }

    public void Dispose()
    {
        Wqkv.Dispose();
        Wo.Dispose();
    }
}
