using MathNet.Numerics.LinearAlgebra;

namespace LowRankSparse.Analysis;

/// <summary>An orthonormal basis of the span of some vectors, and the share of a matrix's energy that lies in it.</summary>
public sealed class Subspace
{
    private readonly Matrix<double> _basis; // columns orthonormal, [n, r]

    private Subspace(Matrix<double> basis) => _basis = basis;

    public int Dimension => _basis.ColumnCount;

    /// <summary>Span of the given vectors (each of length n), orthonormalised; numerically dependent vectors are dropped.</summary>
    public static Subspace Span(IReadOnlyList<double[]> vectors)
    {
        int n = vectors[0].Length;
        var cols = Matrix<double>.Build.Dense(n, vectors.Count, (i, j) => vectors[j][i]);
        var svd = cols.Svd(computeVectors: true);
        double tol = svd.S.Count == 0 ? 0 : svd.S[0] * 1e-10;
        int r = svd.S.Count(s => s > tol);
        return new Subspace(svd.U.SubMatrix(0, n, 0, r));
    }

    /// <summary>Input side: ‖W P‖_F² / ‖W‖_F² with P projecting the columns' space (R^cols) onto this span.</summary>
    public double InputSideEnergy(double[,] w)
    {
        var m = Matrix<double>.Build.DenseOfArray(w);
        double total = m.FrobeniusNorm();
        if (total == 0) return 0;
        double inSpan = (m * _basis).FrobeniusNorm(); // ‖W U‖_F = ‖W U Uᵀ‖_F
        return inSpan * inSpan / (total * total);
    }

    /// <summary>Output side: ‖Q W‖_F² / ‖W‖_F² with Q projecting the rows' space (R^rows) onto this span.</summary>
    public double OutputSideEnergy(double[,] w)
    {
        var m = Matrix<double>.Build.DenseOfArray(w);
        double total = m.FrobeniusNorm();
        if (total == 0) return 0;
        double inSpan = (_basis.TransposeThisAndMultiply(m)).FrobeniusNorm();
        return inSpan * inSpan / (total * total);
    }
}
