using LowRankSparse.Data;
using LowRankSparse.Model;
using LowRankSparse.Training;
using static TorchSharp.torch;

namespace LowRankSparse.Analysis;

/// <summary>
/// Each neuron's share of the network output, c[n, i] = (1/L) Σ_l a_i ReLU(W_O,i · h_l(X_n)), so F(X_n) = Σ_i c[n, i].
/// Removing neurons (zeroing rows of W_O) leaves attention and values unchanged, so the output of any neuron mask is c · mask:
/// one forward pass serves every structured pruning rate, method and seed.
/// </summary>
public sealed class NeuronContributions : IDisposable
{
    private NeuronContributions(Tensor contributions, Tensor y)
    {
        Values = contributions;
        Y = y;
    }

    /// <summary>[N, m] float64.</summary>
    public Tensor Values { get; }
    public Tensor Y { get; }

    public static NeuronContributions Of(Weights weights, double[] a, Dataset data)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var w = WeightTensors.From(weights, a);
        var contributions = Evaluation.Chunked(data.X, w.WO.shape[0],
            x => Network.Hidden(x, w.WQ, w.WK, w.WV, w.WO).mean(new long[] { 1 }) * w.A   // [n, L, m] → [n, m]
        ).to(ScalarType.Float64);
        return new NeuronContributions(contributions.MoveToOuterDisposeScope(), data.Y.to(ScalarType.Float64).MoveToOuterDisposeScope());
    }

    /// <summary>Test hinge loss and accuracy with the neurons whose <paramref name="keep"/> entry is false removed.</summary>
    public Evaluation Evaluate(bool[] keep)
    {
        using var scope = NewDisposeScope();
        var mask = tensor(keep.Select(k => k ? 1.0 : 0.0).ToArray());
        return Evaluation.FromOutputs(Values.matmul(mask), Y);
    }

    public void Dispose()
    {
        Values.Dispose();
        Y.Dispose();
    }
}
