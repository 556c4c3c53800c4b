using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The network of docs/paper-notes.md §2 for S stacked models, forward and backward written out by hand (no autograd): one matmul for
/// Q, K, V (stacked W_Q/W_K/W_V), batched matmuls throughout, the ReLU as a mask made in place, and closed-form gradients.
/// Every kernel gives each seed's slice the same bits whatever S is, so S models trained together equal S models trained alone.
/// Shapes: x [S, B, L, d]; S·B is written SB and B·L is written BL below. The one hand-written copy of <see cref="Model.Network"/>'s formula,
/// for the fused plain-SGD path only; the tests hold its outputs and gradients to autograd on <see cref="Model.Network.Output"/>.
/// </summary>
internal static class FusedStep
{
    /// <summary>F(X) for every model and sample ([S, B]) and the activations the backward pass needs.</summary>
    public static FusedActivations Forward(StackedWeights w, Tensor x, FixedOutput a)
    {
        long s = x.shape[0], b = x.shape[1], l = x.shape[2], d = x.shape[3];
        int kb = w.KeyDim, va = w.ValueDim;
        var xf = x.view(s, b * l, d);
        var qkv = bmm(xf, w.Wqkv.mT).view(s * b, l, 2 * kb + va);      // rows W_Q x, W_K x, W_V x
        var q = qkv.narrow(2, 0, kb);
        var k = qkv.narrow(2, kb, kb);
        var v = qkv.narrow(2, 2 * kb, va);
        var p = bmm(q, k.mT).softmax(-1);                                // [SB, l, s] softmax over keys s
        var z = bmm(p, v);                                               // [SB, L, m_a]  Σ_s W_V x_s softmax_s
        // W_Oᵀ copied contiguous: libtorch's bmm with a transposed view as second operand is 5× slower on 2 threads
        // (default config, 10 seeds: 990 → 200 µs; measured with scratch profiling, see bench/README.md); same bits.
        var woT = w.Wo.mT.contiguous();
        // The output without the ReLU'd hidden layer: Σ_i (a_i/L)·ReLU(h_i) = Σ_i (a_i/L)·active_i·h_i = z·G with h = W_O z and
        // G = Σ_i (a_i/L)·active_i·W_O[i, :], the m_a-wide product the backward pass needs anyway (∂F/∂z = G). The [S, B·L, m] hidden
        // tensor is written once (W_O z), turned into the mask in place and read twice (G here, dW_O in the backward pass) — 5 passes
        // over 2.6 MB on the theory config instead of 7 (ReLU, the output's mv and the mask were passes of their own): 3–7 % less time
        // per step (scratch timing, one and two processes side by side). Same mask, so the same gradients; the output's rounding differs
        // from ReLU-then-sum by ~1e-6 relative (HandGradientTests hold both to autograd).
        var active = bmm(z.view(s, b * l, va), woT).gt_(Scalars.Zero);  // [S, BL, m]  ReLU'(W_O z) ∈ {0, 1}
        // G as the transpose of its wide-result product (see Backward): [m_a, m]·[m, BL] instead of [BL, m]·[m, m_a]
        var g = bmm((w.Wo * a.Column).mT, active.mT).mT.reshape(s * b, l, va);   // [SB, L, m_a]
        var output = (z * g).sum(new long[] { 1, 2 }).view(s, b);        // (1/L) Σ_l aᵀ ReLU(W_O z_l)
        return new FusedActivations(xf, q, k, v, p, z, active, g, output);
    }

    /// <summary>
    /// Vector-Jacobian product: the gradients of Σ_{s,b} upstream[s,b]·F_s(X_b) with respect to every model's W_QKV
    /// [S, 2·m_b + m_a, d] and W_O [S, m, m_a]. With upstream = ∂loss/∂F they are the loss gradients.
    /// </summary>
    public static (Tensor Wqkv, Tensor Wo) Backward(StackedWeights w, FusedActivations f, Tensor upstream, FixedOutput a)
    {
        long s = f.Active.shape[0], bl = f.Active.shape[1];
        long sb = upstream.numel();
        var u = upstream.reshape(sb, 1, 1);
        // ∂/∂hidden[s,b,l,i] = u[s,b]·a_i/L·active: never materialised. dz = u·G (computed in the forward pass); dW_O has a long inner
        // dimension (B·L) and a narrow result (m_a columns), and libtorch's bmm is 3–7× slower on that than on the transposed product
        // with the wide result, (Aᵀ)ᵀ = A: on the theory config (B·L = 1280, m = 512, m_a = 8, one thread) 1.74 → 0.25 ms (scratch timing,
        // bench/README.md); G in the forward pass is written the same way (0.75 → 0.25 ms).
        var dz = f.G * u;                                                // [SB, L, m_a]
        var dwo = bmm((f.Z * u).view(s, bl, -1).mT, f.Active).mT * a.Column;        // [S, m, m_a]
        var dv = bmm(dz.mT, f.P).mT;                                     // [SB, L, m_a] as (dzᵀ P)ᵀ: 136 → 30 µs on the theory config
        var dp = bmm(dz, f.V.mT);                                        // [SB, l, s]
        var dscores = f.P * (dp - (dp * f.P).sum(-1, keepdim: true));   // softmax backward
        var dq = bmm(dscores, f.K);
        var dk = bmm(dscores.mT, f.Q);
        var dqkv = cat(new[] { dq, dk, dv }, 2).view(s, bl, -1);         // [S, BL, 2·m_b + m_a]
        return (bmm(f.X.mT, dqkv).mT, dwo);                               // the wide result again: [S, d, 2·m_b + m_a]ᵀ
    }
}
