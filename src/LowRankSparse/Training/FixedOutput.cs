using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The fixed output vector a in the two forms the fused step uses: <see cref="PerToken"/> = a/L [m] (the 1/L of the mean over
/// tokens folded in) and <see cref="Tiled"/> = a/L repeated L times [L·m], so F(X) = ReLU(H) flattened per sample · Tiled is one
/// matrix-vector product. Owns its tensors.
/// </summary>
internal sealed class FixedOutput : IDisposable
{
    public FixedOutput(double[] a, int tokens)
    {
        PerToken = tensor(a.Select(v => (float)(v / tokens)).ToArray());
        Tiled = PerToken.repeat(tokens);
    }

    public Tensor PerToken { get; }
    public Tensor Tiled { get; }

    public void Dispose()
    {
        PerToken.Dispose();
        Tiled.Dispose();
    }
}
