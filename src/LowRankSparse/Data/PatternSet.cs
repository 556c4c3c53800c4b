using LowRankSparse.Util;
using MathNet.Numerics.LinearAlgebra;

namespace LowRankSparse.Data;

/// <summary>
/// The M orthonormal patterns μ_1…μ_M (rows of <see cref="Vectors"/>, shape [M, d]) and which are label-relevant.
/// Pattern indices 0…K/2−1 belong to class +1, K/2…K−1 to class −1, the rest are label-irrelevant.
/// With K = 2 this is the paper's μ_1 (class +1) and μ_2 (class −1).
/// </summary>
public sealed class PatternSet
{
    private PatternSet(double[,] vectors, int numLabelRelevant)
    {
        Vectors = vectors;
        NumLabelRelevant = numLabelRelevant;
    }

    /// <summary>Patterns as rows, [M, d].</summary>
    public double[,] Vectors { get; }
    public int Count => Vectors.GetLength(0);
    public int Dim => Vectors.GetLength(1);
    public int NumLabelRelevant { get; }

    /// <summary>Pattern indices of class +1 (label = +1) or class −1.</summary>
    public int[] ClassPatterns(int label) => label > 0
        ? Enumerable.Range(0, NumLabelRelevant / 2).ToArray()
        : Enumerable.Range(NumLabelRelevant / 2, NumLabelRelevant / 2).ToArray();

    public int[] LabelRelevant => Enumerable.Range(0, NumLabelRelevant).ToArray();
    public int[] LabelIrrelevant => Enumerable.Range(NumLabelRelevant, Count - NumLabelRelevant).ToArray();

    /// <summary>+1, −1 for a label-relevant pattern's class; 0 for a label-irrelevant one.</summary>
    public int ClassOf(int pattern) => pattern < NumLabelRelevant / 2 ? 1 : pattern < NumLabelRelevant ? -1 : 0;

    public double[] Pattern(int j) => Matrices.Row(Vectors, j);

    /// <summary>Patterns given as rows (e.g. directions measured on real data); the first <paramref name="numLabelRelevant"/> are
    /// label-relevant, half per class.</summary>
    public static PatternSet FromVectors(double[,] vectors, int numLabelRelevant) => new((double[,])vectors.Clone(), numLabelRelevant);

    public static PatternSet Create(DataConfig config, int seed)
    {
        int m = config.NumPatterns, d = config.Dim;
        var v = new double[m, d];
        if (config.Patterns == PatternKind.StandardBasis)
        {
            for (int j = 0; j < m; j++) v[j, j] = 1.0;
        }
        else
        {
            var rng = SeededRandom.For(seed, "patterns");
            var g = Matrix<double>.Build.Dense(d, m, (_, _) => rng.NextGaussian());
            var q = g.QR().Q; // d × d, first m columns orthonormal
            for (int j = 0; j < m; j++)
                for (int c = 0; c < d; c++)
                    v[j, c] = q[c, j];
        }
        return new PatternSet(v, config.NumLabelRelevant);
    }
}
