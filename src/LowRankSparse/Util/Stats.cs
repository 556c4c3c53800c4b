namespace LowRankSparse.Util;

/// <summary>Means, sample standard deviations and least-squares line fits for bands and verdicts.</summary>
public static class Stats
{
    public static double Mean(IEnumerable<double> values) => values.Average();

    /// <summary>Sample standard deviation (n − 1); 0 for fewer than two values.</summary>
    public static double Std(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length < 2) return 0;
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }

    /// <summary>Element-wise mean and std of equal-length series (e.g. one curve per seed).</summary>
    public static (double[] Mean, double[] Std) Band(IReadOnlyList<double[]> series)
    {
        int n = series.Min(s => s.Length);
        var mean = new double[n];
        var std = new double[n];
        for (int i = 0; i < n; i++)
        {
            var column = series.Select(s => s[i]).ToArray();
            mean[i] = column.Average();
            std[i] = Std(column);
        }
        return (mean, std);
    }

    /// <summary>Least-squares line y ≈ intercept + slope·x, with the coefficient of determination R².</summary>
    public static LineFit FitLine(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average();
        double sxx = x.Sum(v => (v - mx) * (v - mx));
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        double slope = sxx == 0 ? 0 : sxy / sxx, intercept = my - slope * mx;
        double ssTot = y.Sum(v => (v - my) * (v - my));
        double ssRes = x.Zip(y, (a, b) => Math.Pow(b - (intercept + slope * a), 2)).Sum();
        return new LineFit(slope, intercept, ssTot == 0 ? 1 : 1 - ssRes / ssTot);
    }
}

public sealed record LineFit(double Slope, double Intercept, double RSquared);
