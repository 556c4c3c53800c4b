using static TorchSharp.torch;

namespace LowRankSparse.Model;

/// <summary>
/// The network formula as pure tensor functions of the weights. Works for one model (weights [rows, cols], x [B, L, d])
/// and for S stacked models (weights [S, rows, cols], x [S, B, L, d]) alike, by broadcasting batched matmuls.
/// </summary>
public static class Network
{
    public static Tensor Attention(Tensor x, Tensor wq, Tensor wk)
    {
        using var scope = NewDisposeScope();
        var q = x.matmul(Unsqueezed(wq, x).mT);           // [.., B, L, m_b]  rows W_Q x_l
        var k = x.matmul(Unsqueezed(wk, x).mT);           // [.., B, L, m_b]  rows W_K x_s
        var scores = q.matmul(k.mT);                      // [.., B, l, s] = (W_K x_s)ᵀ (W_Q x_l)
        return scores.softmax(-1).MoveToOuterDisposeScope();
    }

    public static Tensor Output(Tensor x, Tensor wq, Tensor wk, Tensor wv, Tensor wo, Tensor a)
    {
        using var scope = NewDisposeScope();
        var attention = Attention(x, wq, wk);             // [.., B, L, L]
        var v = x.matmul(Unsqueezed(wv, x).mT);           // [.., B, L, m_a]
        var mixed = attention.matmul(v);                  // [.., B, L, m_a]  Σ_s W_V x_s softmax_s
        var hidden = nn.functional.relu(mixed.matmul(Unsqueezed(wo, x).mT)); // [.., B, L, m]
        return hidden.matmul(a).mean(new long[] { -1 }).MoveToOuterDisposeScope(); // aᵀ ReLU(·), mean over l → [.., B]
    }

    /// <summary>Hinge loss max(0, 1 − y·F), mean over the batch (paper-spec §3).</summary>
    public static Tensor HingeLoss(Tensor output, Tensor y)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(1 - y * output).mean(new long[] { -1 }).MoveToOuterDisposeScope();
    }

    // weights with a leading seed dimension [S, r, c] meet x [S, B, L, d]: insert the batch axis → [S, 1, r, c]
    private static Tensor Unsqueezed(Tensor w, Tensor x) => w.dim() == 3 && x.dim() == 4 ? w.unsqueeze(1) : w;
}
