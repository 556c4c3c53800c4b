using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The fixed output vector a as the fused step uses it: a/L (the 1/L of the mean over tokens folded in) as a column [1, m, 1] that
/// scales the rows of W_O and of its gradient. Owns its tensor.
/// </summary>
internal sealed class FixedOutput : IDisposable
{
    public FixedOutput(double[] a, int tokens)
    {
        using var values = tensor(a.Select(v => (float)(v / tokens)).ToArray());
        Column = values.view(1, -1, 1);   // shares the storage, which outlives the disposed handle above
    }

    /// <summary>a/L, [1, m, 1].</summary>
    public Tensor Column { get; }

    public void Dispose() => Column.Dispose();
}
