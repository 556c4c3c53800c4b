using MathNet.Numerics.LinearAlgebra;

namespace LowRankSparse.Data.Images;

/// <summary>
/// The data-defined stand-in for the paper's label-relevant patterns [ours]: D[l] = mean token at position l over class +1 minus
/// over class −1 (an L × d matrix, training data only); its leading right singular vectors span the "label-relevant" directions
/// in R^d. The pooled difference u = Σ_l D[l] / L gives the class patterns μ₊ = u/‖u‖, μ₋ = −μ₊ that decide a neuron's luck.
/// </summary>
public sealed record ClassMeanSpan(double[,] Directions, double[] SingularValues, double[] Pooled)
{
    /// <param name="x">Training tokens, [N·L·d] row-major.</param>
    public static ClassMeanSpan Of(float[] x, int[] labels, int tokens, int dim, int rank)
    {
        var diff = Matrix<double>.Build.Dense(tokens, dim);
        int plus = labels.Count(y => y > 0), minus = labels.Length - plus;
        for (int i = 0; i < labels.Length; i++)
        {
            double w = labels[i] > 0 ? 1.0 / plus : -1.0 / minus;
            long at = (long)i * tokens * dim;
            for (int l = 0; l < tokens; l++)
                for (int e = 0; e < dim; e++) diff[l, e] += w * x[at + l * dim + e];
        }
        var svd = diff.Svd(computeVectors: true);
        int k = Math.Min(rank, svd.VT.RowCount);
        var directions = new double[k, dim];
        for (int j = 0; j < k; j++)
            for (int e = 0; e < dim; e++) directions[j, e] = svd.VT[j, e];
        var pooled = Enumerable.Range(0, dim).Select(e => diff.Column(e).Sum() / tokens).ToArray();
        return new ClassMeanSpan(directions, svd.S.ToArray(), pooled);
    }

    /// <summary>Share of ‖D‖_F² in the leading <paramref name="k"/> directions.</summary>
    public double EnergyOfTop(int k)
    {
        double total = SingularValues.Sum(s => s * s);
        return total == 0 ? 0 : SingularValues.Take(k).Sum(s => s * s) / total;
    }
}
