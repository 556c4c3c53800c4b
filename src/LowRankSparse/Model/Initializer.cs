using LowRankSparse.Util;

namespace LowRankSparse.Model;

/// <summary>Initial weights (docs/paper-notes.md §2, values [ours]) drawn from a seeded host random stream.</summary>
public static class Initializer
{
    public static Weights Initial(ModelConfig config, int dim, int seed)
    {
        var rng = SeededRandom.For(seed, "init");
        int mb = config.KeyDimFor(dim), ma = config.ValueDimFor(dim);
        var wq = IdentityLike(mb, dim, config.QkInitScale, config.InitNoise, rng);
        var wk = IdentityLike(mb, dim, config.QkInitScale, config.InitNoise, rng);
        var wv = IdentityLike(ma, dim, config.ValueInitScale, config.InitNoise, rng);
        var wo = new double[config.Neurons, ma];
        for (int i = 0; i < config.Neurons; i++)
            for (int j = 0; j < ma; j++)
                wo[i, j] = config.OutputInitStd * rng.NextGaussian();
        return new Weights(wq, wk, wv, wo);
    }

    /// <summary>a ∈ R^m, first half +1/√m, second half −1/√m (fixed, not trained).</summary>
    public static double[] OutputVector(int neurons)
    {
        double v = 1 / Math.Sqrt(neurons);
        return Enumerable.Range(0, neurons).Select(i => i < neurons / 2 ? v : -v).ToArray();
    }

    private static double[,] IdentityLike(int rows, int cols, double scale, double noise, SeededRandom rng)
    {
        var w = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                w[i, j] = (i == j ? scale : 0) + (noise > 0 ? noise * rng.NextGaussian() : 0);
        return w;
    }
}
