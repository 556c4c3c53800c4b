using LowRankSparse.Util;
using TorchSharp;
using static TorchSharp.torch;

namespace LowRankSparse.Model;

/// <summary>
/// The network of docs/paper-notes.md §2 in one place, as pure tensor functions of one model's weights (x [B, L, d]),
/// differentiable by autograd: F(X) = (1/L) Σ_l aᵀ ReLU(W_O Σ_s W_V x_s softmax_s(x_sᵀ W_Kᵀ W_Q x_l)) and the hinge loss.
/// Training (<c>Trainer</c>), LoRA, evaluation, attention maps and neuron contributions all use these. The one other copy is the
/// fused stacked step of plain-SGD training (<c>Training/FusedStep.cs</c>, forward and backward by hand for S models at once),
/// which the tests hold to this formula and to the training loop built on it.
/// </summary>
public static class Network
{
    /// <summary>Attention weights [B, L (query l), L (key s)]: softmax over s of x_sᵀ W_Kᵀ W_Q x_l.</summary>
    public static Tensor Attention(Tensor x, Tensor wq, Tensor wk)
    {
        using var scope = NewDisposeScope();
        var q = x.matmul(wq.mT);           // [B, L, m_b]  rows W_Q x_l
        var k = x.matmul(wk.mT);           // [B, L, m_b]  rows W_K x_s
        var scores = q.matmul(k.mT);                      // [B, l, s] = (W_K x_s)ᵀ (W_Q x_l)
        return scores.softmax(-1).MoveToOuterDisposeScope();
    }

    /// <summary>The hidden layer ReLU(W_O Σ_s W_V x_s softmax_s(·)) of every token, [B, L, m].</summary>
    public static Tensor Hidden(Tensor x, Tensor wq, Tensor wk, Tensor wv, Tensor wo)
    {
        using var scope = NewDisposeScope();
        var attention = Attention(x, wq, wk);             // [B, L, L]
        var v = x.matmul(wv.mT);           // [B, L, m_a]
        var mixed = attention.matmul(v);                  // [B, L, m_a]  Σ_s W_V x_s softmax_s
        return nn.functional.relu(mixed.matmul(wo.mT)).MoveToOuterDisposeScope(); // [B, L, m]
    }

    /// <summary>F(X) = (1/L) Σ_l aᵀ ReLU(·), [B].</summary>
    public static Tensor Output(Tensor x, Tensor wq, Tensor wk, Tensor wv, Tensor wo, Tensor a)
    {
        using var scope = NewDisposeScope();
        var hidden = Hidden(x, wq, wk, wv, wo);           // [B, L, m]
        return hidden.matmul(a).mean(new long[] { -1 }).MoveToOuterDisposeScope(); // aᵀ ReLU(·), mean over l → [B]
    }

    /// <summary>Hinge loss max(0, 1 − y·F), mean over the batch (docs/paper-notes.md §3).</summary>
    public static Tensor HingeLoss(Tensor output, Tensor y)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu((y * output).neg().add_(Scalars.One, Scalars.One)).mean(new long[] { -1 }).MoveToOuterDisposeScope();
    }
}
