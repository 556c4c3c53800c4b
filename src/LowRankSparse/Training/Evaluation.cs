using LowRankSparse.Data;
using LowRankSparse.Model;
using LowRankSparse.Util;
using TorchSharp;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>Test hinge loss (the paper's generalization error, docs/paper-notes.md §4.3) and 0-1 accuracy.</summary>
public sealed record Evaluation(double HingeLoss, double Accuracy)
{
    /// <summary>
    /// [ours] At most this many elements in one chunk's hidden layer [rows, L, m] (4 MiB of floats). Larger intermediates exceed glibc's
    /// mmap threshold (32 MiB at most, <see cref="Util.NativeAllocator"/>) or the caches: on quick.json (L = 60, m = 448, 500 test
    /// samples, one libtorch thread, load 6–7) one evaluation took 78 ms with chunks of 2²² elements, 22 ms with 2²⁰ and 20 ms with 2¹⁸.
    /// </summary>
    public const long MaxHiddenElements = 1L << 20;

    public static Evaluation Of(OneLayerTransformer model, Dataset data)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var output = Outputs(model, data.X);
        return FromOutputs(output, data.Y);
    }

    /// <summary>Evaluates a snapshot of weights (e.g. pruned or truncated) with the fixed output vector <paramref name="a"/>.</summary>
    public static Evaluation Of(Weights weights, double[] a, Dataset data)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var w = WeightTensors.From(weights, a);
        var output = Chunked(data.X, w.WO.shape[0], x => Network.Output(x, w.WQ, w.WK, w.WV, w.WO, w.A));
        return FromOutputs(output, data.Y);
    }

    /// <summary>F(X) for every sample, computed in chunks under no-grad.</summary>
    public static Tensor Outputs(OneLayerTransformer model, Tensor x)
    {
        using var noGrad = no_grad();
        return Chunked(x, model.WO.shape[0], model.forward);
    }

    /// <summary>
    /// <paramref name="f"/> applied to chunks of the samples of <paramref name="x"/> [N, L, d] (concatenated along the first dimension), each
    /// chunk small enough that a hidden layer of <paramref name="neurons"/> per token stays within <see cref="MaxHiddenElements"/>.
    /// </summary>
    public static Tensor Chunked(Tensor x, long neurons, Func<Tensor, Tensor> f)
    {
        long n = x.shape[0], rows = Math.Max(1, MaxHiddenElements / Math.Max(1, x.shape[1] * neurons));
        if (n <= rows) return f(x);
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += rows)
            parts.Add(f(x.narrow(0, start, Math.Min(rows, n - start))));
        return cat(parts, 0).MoveToOuterDisposeScope();
    }

    public static Evaluation FromOutputs(Tensor output, Tensor y)
    {
        using var scope = NewDisposeScope();
        double loss = Network.HingeLoss(output, y).to(ScalarType.Float64).item<double>();
        double accuracy = (output * y).gt(Scalars.Zero).to(ScalarType.Float64).mean().item<double>();
        return new Evaluation(loss, accuracy);
    }
}
