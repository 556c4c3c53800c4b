using LowRankSparse.Model;
using static TorchSharp.torch;

namespace LowRankSparse.Tests.Core;

public class NetworkTests
{
    [Fact]
    public void Output_and_attention_have_the_documented_shapes_and_attention_rows_sum_to_one()
    {
        using var model = OneLayerTransformer.Create(new ModelConfig { Neurons = 8 }, dim: 5, seed: 1);
        using var scope = NewDisposeScope();
        var x = randn(3, 4, 5, generator: new Generator(1));
        Assert.Equal(new long[] { 3 }, model.forward(x).shape);
        var attention = model.Attention(x);
        Assert.Equal(new long[] { 3, 4, 4 }, attention.shape);
        Assert.True((attention.sum(-1) - 1).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void Output_matches_the_formula_written_token_by_token()
    {
        // F(X) = (1/L) Σ_l aᵀ ReLU(W_O Σ_s W_V x_s softmax_s(x_sᵀ W_Kᵀ W_Q x_l)), evaluated with explicit loops in float64.
        var g = new Generator(7);
        using var scope = NewDisposeScope();
        int d = 4, l = 3, m = 6;
        var wq = randn(d, d, ScalarType.Float64, generator: g); var wk = randn(d, d, ScalarType.Float64, generator: g);
        var wv = randn(d, d, ScalarType.Float64, generator: g); var wo = randn(m, d, ScalarType.Float64, generator: g);
        var a = tensor(Initializer.OutputVector(m));
        var x = randn(1, l, d, ScalarType.Float64, generator: g);
        double expected = 0;
        for (int q = 0; q < l; q++)
        {
            var xl = x[0, q];
            var scores = stack(Enumerable.Range(0, l).Select(s => x[0, s].dot(wk.T.matmul(wq.matmul(xl)))).ToArray());
            var weights = scores.softmax(0);
            var mixed = zeros(d, ScalarType.Float64);
            for (int s = 0; s < l; s++) mixed += wv.matmul(x[0, s]) * weights[s];
            expected += a.dot(nn.functional.relu(wo.matmul(mixed))).item<double>();
        }
        expected /= l;
        double actual = Network.Output(x, wq, wk, wv, wo, a).item<double>();
        Assert.Equal(expected, actual, 10);
    }

    [Fact]
    public void Autograd_gradient_of_the_hinge_loss_matches_finite_differences()
    {
        var g = new Generator(3);
        using var scope = NewDisposeScope();
        int d = 4, m = 6;
        var ws = new[] { randn(d, d, ScalarType.Float64, generator: g), randn(d, d, ScalarType.Float64, generator: g),
                         randn(d, d, ScalarType.Float64, generator: g), randn(m, d, ScalarType.Float64, generator: g) };
        var a = tensor(Initializer.OutputVector(m));
        var x = randn(5, 3, d, ScalarType.Float64, generator: g);
        var y = tensor(new double[] { 1, -1, 1, -1, 1 });
        Tensor Loss() => Network.HingeLoss(Network.Output(x, ws[0], ws[1], ws[2], ws[3], a) * 10, y);

        foreach (var w in ws) w.requires_grad_(true);
        Loss().backward();
        const double h = 1e-6;
        for (int k = 0; k < ws.Length; k++)
        {
            var grad = ws[k].grad!.clone();
            using var noGrad = no_grad();
            for (int idx = 0; idx < ws[k].numel(); idx += 3)
            {
                var flat = ws[k].view(-1);
                double old = flat[idx].item<double>();
                flat[idx] = old + h; double up = Loss().item<double>();
                flat[idx] = old - h; double down = Loss().item<double>();
                flat[idx] = old;
                Assert.Equal((up - down) / (2 * h), grad.view(-1)[idx].item<double>(), 6);
            }
        }
    }
}
