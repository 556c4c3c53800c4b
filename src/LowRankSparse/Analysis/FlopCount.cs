using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Analysis;

/// <summary>
/// Floating-point operations of one SGD step of F(X) = (1/L) Σ_l aᵀ ReLU(W_O Σ_s W_V x_s softmax_s(x_sᵀ W_Kᵀ W_Q x_l)), counted
/// analytically as <see cref="Training.FusedStep"/> computes it (a multiply-add = 2 FLOPs; W_Q, W_K ∈ ℝ^{m_b×d}, W_V ∈ ℝ^{m_a×d},
/// W_O ∈ ℝ^{m×m_a}, L tokens, batch B). Per sample:
/// <list type="bullet">
/// <item>forward: Q, K, V = W x for every token 2·L·d·(2m_b + m_a); scores QKᵀ 2·L²·m_b; softmax ≈ 5·L² (max, subtract, exp,
/// sum, divide); mix Σ_s V_s p_s 2·L²·m_a; hidden W_O z 2·L·m_a·m; ReLU L·m; output (1/L)Σ aᵀh 2·L·m.</item>
/// <item>backward (no gradient with respect to X): dz = (ReLU′ ⊙ a/L) W_O 2·L·m·m_a; dW_O 2·L·m·m_a; dV = Pᵀdz and dP = dz Vᵀ
/// 2·L²·m_a each; softmax backward ≈ 4·L²; dQ = dS K and dK = dSᵀ Q 2·L²·m_b each; ReLU′ L·m; dW_QKV = dQKVᵀ X 2·L·d·(2m_b + m_a).</item>
/// <item>update, once per step: W ← W − η·g, 2 FLOPs per weight: 2·((2m_b + m_a)·d + m·m_a).</item>
/// </list>
/// So a step is B·(4Ld(2m_b + m_a) + 6L²(m_a + m_b) + 6L·m·m_a + 9L² + 4Lm) + the update: linear in B, between linear and
/// quadratic in L (the L² terms weigh 6L²(m_a + m_b) against 4Ld(2m_b + m_a) + 6L·m·m_a), linear in m once 6L·m·m_a dominates, and
/// between linear and quadratic in d (m_a = m_b = d by default).
/// </summary>
public static class FlopCount
{
    private static (double B, double L, double D, double M, double Kb, double Va) Shape(ExperimentConfig c) =>
        (c.Training.BatchSize, c.Data.Tokens, c.Data.Dim, c.Model.Neurons, c.Model.KeyDimFor(c.Data.Dim), c.Model.ValueDimFor(c.Data.Dim));

    public static double Forward(ExperimentConfig c)
    {
        var (b, l, d, m, kb, va) = Shape(c);
        return b * (2 * l * d * (2 * kb + va) + 2 * l * l * kb + 5 * l * l + 2 * l * l * va + 2 * l * va * m + l * m + 2 * l * m);
    }

    public static double Backward(ExperimentConfig c)
    {
        var (b, l, d, m, kb, va) = Shape(c);
        return b * (2 * 2 * l * m * va + 2 * 2 * l * l * va + 4 * l * l + 2 * 2 * l * l * kb + l * m + 2 * l * d * (2 * kb + va));
    }

    public static double Update(ExperimentConfig c)
    {
        var (_, _, d, m, kb, va) = Shape(c);
        return 2 * ((2 * kb + va) * d + m * va);
    }

    public static double Step(ExperimentConfig c) => Forward(c) + Backward(c) + Update(c);
}
