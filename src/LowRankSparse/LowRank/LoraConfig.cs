namespace LowRankSparse.LowRank;

/// <summary>
/// LoRA adapters as in PEFT: W = W^(0) + (alpha / r) · B·A with A [r, in] random (Kaiming-uniform-like, seeded) and B [out, r]
/// zero, so training starts at the base model. Adapted: W_Q, W_K, W_V (frozen W^(0)); W_O is trained in full (PEFT's
/// "modules_to_save" — it starts near zero, there is no pre-trained head to keep). [ours]
/// </summary>
public sealed record LoraConfig(int R, double Alpha)
{
    public double Scaling => Alpha / R;
}
