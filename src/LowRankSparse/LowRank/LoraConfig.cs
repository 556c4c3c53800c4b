namespace LowRankSparse.LowRank;

/// <summary>
/// LoRA adapters as in PEFT: W = W^(0) + (alpha / r) · B·A with A [r, in] random (Kaiming-uniform-like, seeded) and B [out, r]
/// zero, so training starts at the base model. Adapted: W_Q, W_K, W_V (frozen W^(0)). The head W_O either is trained in full
/// from W_O^(0) (PEFT's "modules_to_save"; then W_O alone already solves this task, so the adapters are not needed), or, with
/// <paramref name="FrozenHead"/>, is frozen at the fully trained W_O^(T): then only the adapters can close the gap, the setting
/// in which the rank of the adapters matters [ours]. R = 0 means no adapters at all (only the head, if trainable).
/// With <paramref name="AttentionOnly"/> (issue #23) only W_Q, W_K get adapters and W_V is frozen at its trained W_V^(T) like the head:
/// the low-rank adaption of the attention part alone.
/// </summary>
public sealed record LoraConfig(int R, double Alpha, bool FrozenHead = false, bool AttentionOnly = false)
{
    public double Scaling => R == 0 ? 0 : Alpha / R;
}
