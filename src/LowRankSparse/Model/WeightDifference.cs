namespace LowRankSparse.Model;

/// <summary>Largest element-wise distance max_ij |A_ij − B_ij| between two weight snapshots, per weight and overall.</summary>
public static class WeightDifference
{
    public static IReadOnlyDictionary<Weight, double> PerWeight(Weights a, Weights b) =>
        WeightNames.All.ToDictionary(w => w, w => MaxAbs(a[w], b[w]));

    public static double Max(Weights a, Weights b) => PerWeight(a, b).Values.Max();

    private static double MaxAbs(double[,] a, double[,] b)
    {
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
            throw new ArgumentException($"shapes differ: [{a.GetLength(0)}, {a.GetLength(1)}] vs [{b.GetLength(0)}, {b.GetLength(1)}]");
        double max = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                max = Math.Max(max, Math.Abs(a[i, j] - b[i, j]));
        return max;
    }
}
