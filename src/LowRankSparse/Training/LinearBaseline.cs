using LowRankSparse.Data;
using LowRankSparse.Util;
using TorchSharp;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The accuracy baseline of a real-data task [ours]: logistic regression w·φ(X) + b trained by full-batch gradient descent (from zero,
/// so deterministic) on either the mean-pooled tokens φ(X) = (1/L) Σ_l x_l ∈ R^d — what a bag-of-patches model can see, like the
/// transformer without positions — or the flattened tokens ∈ R^{L·d} (every pixel: the classic linear classifier). The step is
/// 1/λ_max of the logistic loss's curvature bound ‖Φ‖²/(4N), found by power iteration, so it never diverges.
/// </summary>
public static class LinearBaseline
{
    public enum Features { MeanPooled, Flattened }

    public sealed record Result(Features Features, int Steps, double TrainAccuracy, double TestAccuracy, double TestLogisticLoss);

    public static Result Fit(Dataset train, Dataset test, Features features, int steps = 300)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = Phi(train.X, features);
        var xt = Phi(test.X, features);
        var y = train.Y.to(ScalarType.Float64);
        long n = x.shape[0], p = x.shape[1];
        double lr = 4.0 * n / LargestEigenvalue(x);   // curvature of mean logistic loss ≤ λ_max(XᵀX)/(4N), plus the bias column
        var w = zeros(p, dtype: ScalarType.Float64);
        var b = zeros(1, dtype: ScalarType.Float64);
        using var count = n.ToScalar();                         // Scalars kept alive through every call (Util/Scalars.cs)
        using var rate = lr.ToScalar();
        Tensor Logits(Tensor f) => f.matmul(w).add(b, Scalars.One);
        for (int s = 0; s < steps; s++)
        {
            var margin = y * Logits(x);
            var g = (-y * sigmoid(-margin)).div(count);        // ∂ mean log(1 + e^{−margin}) / ∂(w·x + b)
            w.sub_(x.T.matmul(g).mul(rate));
            b.sub_(g.sum().mul(rate));
        }
        double Acc(Tensor f, Tensor labels) => (Logits(f) * labels.to(ScalarType.Float64)).gt(Scalars.Zero).to(ScalarType.Float64).mean().item<double>();
        var testMargin = test.Y.to(ScalarType.Float64) * Logits(xt);
        // softplus(−m) = log(1 + e^{−m}) written as max(−m, 0) + log1p(e^{−|m|}) (stable; TorchSharp's softplus makes its β, threshold
        // Scalars on the fly)
        double loss = testMargin.neg().clamp_min(Scalars.Zero).add(testMargin.abs().neg().exp().log1p(), Scalars.One).mean().item<double>();
        return new Result(features, steps, Acc(x, train.Y), Acc(xt, test.Y), loss);
    }

    private static Tensor Phi(Tensor x, Features features) => features == Features.MeanPooled
        ? x.mean(new long[] { 1 }).to(ScalarType.Float64)
        : x.reshape(x.shape[0], -1).to(ScalarType.Float64);

    /// <summary>λ_max of G = [Φ 1]ᵀ[Φ 1] by 50 power iterations on G (formed once), raised by 10 % for safety.</summary>
    private static double LargestEigenvalue(Tensor x)
    {
        var aug = cat(new[] { x, ones(x.shape[0], 1, dtype: ScalarType.Float64) }, 1);
        var gram = aug.T.matmul(aug);
        using var root = Math.Sqrt(aug.shape[1]).ToScalar();   // Scalars kept alive through the call (Util/Scalars.cs)
        var v = ones(aug.shape[1], dtype: ScalarType.Float64).div(root);
        double lambda = 1;
        for (int i = 0; i < 50; i++)
        {
            var u = gram.matmul(v);
            lambda = u.norm().item<double>();
            using var norm = lambda.ToScalar();
            v = u.div(norm);
        }
        return Math.Max(lambda * 1.1, 1e-12);
    }
}
