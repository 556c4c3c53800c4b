using LowRankSparse.Util;

namespace LowRankSparse.Model;

/// <summary>
/// Shapes and initialisation of the one-layer transformer (docs/paper-notes.md §2). Structure [paper]; initial values [ours], consistent
/// with the paper's "well-conditioned pre-trained" assumption: W_Q = W_K = κ·I-like, W_V = I-like (+ optional noise),
/// W_O ~ N(0, ξ²), a fixed with entries ±1/√m (half each).
/// </summary>
public sealed record ModelConfig
{
    /// <summary>m: number of neurons (rows of W_O). The theory wants m ≳ M² log N. [ours]</summary>
    public int Neurons { get; init; } = 128;
    /// <summary>m_a: rows of W_V; null = data.dim. [ours]</summary>
    public int? ValueDim { get; init; }
    /// <summary>m_b: rows of W_Q and W_K; null = data.dim. [ours]</summary>
    public int? KeyDim { get; init; }
    /// <summary>κ in W_Q = W_K = κ·I-like. [ours]</summary>
    public double QkInitScale { get; init; } = 0.5;
    /// <summary>Scale of the identity-like W_V. [ours]</summary>
    public double ValueInitScale { get; init; } = 1.0;
    /// <summary>Std of Gaussian noise added to the initial W_Q, W_K, W_V (0 = exact I-like). [ours]</summary>
    public double InitNoise { get; init; } = 0.0;
    /// <summary>ξ: std of the initial W_O entries. [ours]</summary>
    public double OutputInitStd { get; init; } = 0.01;

    public int ValueDimFor(int dim) => ValueDim ?? dim;
    public int KeyDimFor(int dim) => KeyDim ?? dim;

    public void Validate(Validator v, string prefix = "model")
    {
        v.Positive(Neurons, $"{prefix}.neurons");
        v.Require(Neurons % 2 == 0, $"{prefix}.neurons", Neurons, "must be even (the fixed output vector a has half +1/√m and half −1/√m)");
        if (ValueDim is int va) v.Positive(va, $"{prefix}.value_dim");
        if (KeyDim is int kb) v.Positive(kb, $"{prefix}.key_dim");
        v.Positive(QkInitScale, $"{prefix}.qk_init_scale");
        v.Positive(ValueInitScale, $"{prefix}.value_init_scale");
        v.NonNegative(InitNoise, $"{prefix}.init_noise");
        v.Positive(OutputInitStd, $"{prefix}.output_init_std");
    }
}
