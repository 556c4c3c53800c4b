using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>What <see cref="FusedStep.Forward"/> keeps for the backward pass (tensors in the caller's dispose scope).</summary>
/// <param name="X">Inputs [S, BL, d].</param>
/// <param name="Q">W_Q x per token, [SB, L, m_b] (a view).</param>
/// <param name="K">W_K x, [SB, L, m_b] (a view).</param>
/// <param name="V">W_V x, [SB, L, m_a] (a view).</param>
/// <param name="P">Attention softmax_s, [SB, L (query), L (key)].</param>
/// <param name="Z">Attention-mixed values, [SB, L, m_a].</param>
/// <param name="Active">ReLU'(W_O z) ∈ {0, 1}, [S, BL, m]: 1 where the hidden pre-activation is positive.</param>
/// <param name="G">Σ_i (a_i/L)·active_i·W_O[i, :] per token, [SB, L, m_a]: the output is Σ_l z·G, and ∂F/∂z = G.</param>
/// <param name="Output">F(X), [S, B].</param>
internal sealed record FusedActivations(Tensor X, Tensor Q, Tensor K, Tensor V, Tensor P, Tensor Z, Tensor Active, Tensor G, Tensor Output);
