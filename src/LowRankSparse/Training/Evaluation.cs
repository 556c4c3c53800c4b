using LowRankSparse.Data;
using LowRankSparse.Model;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>Test hinge loss (the paper's generalization error, docs/paper-notes.md §4.3) and 0-1 accuracy.</summary>
public sealed record Evaluation(double HingeLoss, double Accuracy)
{
    private const int Chunk = 2000;

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
        var output = Network.Output(data.X, w.WQ, w.WK, w.WV, w.WO, w.A);
        return FromOutputs(output, data.Y);
    }

    /// <summary>F(X) for every sample, computed in chunks under no-grad.</summary>
    public static Tensor Outputs(OneLayerTransformer model, Tensor x)
    {
        using var noGrad = no_grad();
        long n = x.shape[0];
        if (n <= Chunk) return model.forward(x);
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += Chunk)
            parts.Add(model.forward(x.narrow(0, start, Math.Min(Chunk, n - start))));
        return cat(parts, 0).MoveToOuterDisposeScope();
    }

    public static Evaluation FromOutputs(Tensor output, Tensor y)
    {
        using var scope = NewDisposeScope();
        double loss = Network.HingeLoss(output, y).to(ScalarType.Float64).item<double>();
        double accuracy = (output * y > 0).to(ScalarType.Float64).mean().item<double>();
        return new Evaluation(loss, accuracy);
    }
}
