using static TorchSharp.torch;

namespace LowRankSparse.Model;

/// <summary>
/// The network formula as pure tensor functions of one model's weights (x [B, L, d]), differentiable by autograd: used for
/// evaluation, attention maps and LoRA training. Training of the full model uses the hand-written <c>FusedStep</c>, which the
/// tests check against this formula.
/// </summary>
public static class Network
{
    public static Tensor Attention(Tensor x, Tensor wq, Tensor wk)
    {
        using var scope = NewDisposeScope();
        var q = x.matmul(wq.mT);           // [B, L, m_b]  rows W_Q x_l
        var k = x.matmul(wk.mT);           // [B, L, m_b]  rows W_K x_s
        var scores = q.matmul(k.mT);                      // [B, l, s] = (W_K x_s)ᵀ (W_Q x_l)
        return scores.softmax(-1).MoveToOuterDisposeScope();
    }

    public static Tensor Output(Tensor x, Tensor wq, Tensor wk, Tensor wv, Tensor wo, Tensor a)
    {
        using var scope = NewDisposeScope();
        var attention = Attention(x, wq, wk);             // [B, L, L]
        var v = x.matmul(wv.mT);           // [B, L, m_a]
        var mixed = attention.matmul(v);                  // [B, L, m_a]  Σ_s W_V x_s softmax_s
        var hidden = nn.functional.relu(mixed.matmul(wo.mT)); // [B, L, m]
        return hidden.matmul(a).mean(new long[] { -1 }).MoveToOuterDisposeScope(); // aᵀ ReLU(·), mean over l → [B]
    }

    /// <summary>Hinge loss max(0, 1 − y·F), mean over the batch (docs/paper-notes.md §3).</summary>
    public static Tensor HingeLoss(Tensor output, Tensor y)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(1 - y * output).mean(new long[] { -1 }).MoveToOuterDisposeScope();
    }
}
