using LowRankSparse.Model;
using LowRankSparse.Training;
using static TorchSharp.torch;

namespace LowRankSparse.Tests.Performance;

/// <summary>The fused step's hand-written forward and backward agree with <see cref="Network"/> and autograd.</summary>
public class HandGradientTests
{
    private const int Dim = 5, Tokens = 4, Neurons = 6, Batch = 3, Seeds = 2;

    [Fact]
    public void Forward_equals_the_network_formula_and_backward_equals_autograd()
    {
        var rng = new Random(11);
        var models = Enumerable.Range(0, Seeds).Select(_ => RandomWeights(rng)).ToList();
        double[] a = Initializer.OutputVector(Neurons);
        using var scope = NewDisposeScope();
        using var stacked = StackedWeights.From(models);
        using var fixedOutput = new FixedOutput(a, Tokens);
        var x = randn(Seeds, Batch, Tokens, Dim, generator: new Generator(5));
        var y = tensor(new float[] { 1, -1, 1, -1, -1, 1 }).view(Seeds, Batch);

        var fused = FusedStep.Forward(stacked, x, fixedOutput);
        var upstream = (fused.Output * y < 1) * (-y / Batch);              // ∂(mean hinge)/∂F per model
        var (dWqkv, dWo) = FusedStep.Backward(stacked, fused, upstream, fixedOutput);

        for (int s = 0; s < Seeds; s++)
        {
            var w = WeightTensors.From(models[s], a);
            foreach (var p in new[] { w.WQ, w.WK, w.WV, w.WO }) p.requires_grad_(true);
            var output = Network.Output(x[s], w.WQ, w.WK, w.WV, w.WO, w.A);
            Close(output, fused.Output[s]);
            Network.HingeLoss(output, y[s]).backward();
            Close(cat(new[] { w.WQ.grad!, w.WK.grad!, w.WV.grad! }, 0), dWqkv[s]);
            Close(w.WO.grad!, dWo[s]);
        }
    }

    private static void Close(Tensor expected, Tensor actual)
    {
        double scale = Math.Max(expected.abs().max().item<float>(), 1e-3);
        double error = (expected.detach() - actual).abs().max().item<float>();
        Assert.True(error <= 1e-5 * scale + 1e-7, $"max error {error} at scale {scale}");
    }

    private static Weights RandomWeights(Random rng)
    {
        double[,] M(int r, int c)
        {
            var m = new double[r, c];
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) m[i, j] = rng.NextDouble() * 2 - 1;
            return m;
        }
        return new Weights(M(Dim, Dim), M(Dim, Dim), M(Dim, Dim), M(Neurons, Dim));
    }
}
