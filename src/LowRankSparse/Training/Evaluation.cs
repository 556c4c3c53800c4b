using LowRankSparse.Data;
using LowRankSparse.Model;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>Test hinge loss (the paper's generalization error, paper-spec §4.3) and 0-1 accuracy.</summary>
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

    /// <summary>Evaluates the given weights by loading them into <paramref name="model"/> (its own weights are restored afterwards).</summary>
    public static Evaluation Of(OneLayerTransformer model, Weights weights, Dataset data) =>
        model.With(weights, () => Of(model, data));

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
