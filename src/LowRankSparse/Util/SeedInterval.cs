using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace LowRankSparse.Util;

/// <summary>
/// A quantity measured once per seed: its mean, sample standard deviation and a 95 % Student-t confidence interval for the mean
/// (mean ± t₀.₉₇₅,ₙ₋₁ · s/√n; MathNet's StudentT quantile). With one seed the interval is the point itself (no spread is known).
/// </summary>
public sealed record SeedInterval(double Mean, double Std, double[] Interval, int Seeds, double[] Values)
{
    /// <summary>Two-sided confidence level of <see cref="Interval"/>.</summary>
    public const double Level = 0.95;

    public static SeedInterval Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) throw new ArgumentException("at least one value is needed");
        double mean = v.Mean(), std = v.Length > 1 ? v.StandardDeviation() : 0;
        double half = v.Length > 1 ? StudentT.InvCDF(0, 1, v.Length - 1, 1 - (1 - Level) / 2) * std / Math.Sqrt(v.Length) : 0;
        return new SeedInterval(mean, std, [mean - half, mean + half], v.Length, v);
    }

    [System.Text.Json.Serialization.JsonIgnore] public double Lo => Interval[0];
    [System.Text.Json.Serialization.JsonIgnore] public double Hi => Interval[1];

    /// <summary>E.g. "0.0050 [0.0031, 0.0069]" (the 95 % t-interval; a caption says over how many seeds once), or "0.0050" for one seed.</summary>
    public string Short(int digits = 4)
    {
        string F(double x) => Fmt.F(Math.Round(x, digits) == 0 ? 0 : x, digits);   // no "-0.0000"
        return Seeds > 1 ? $"{F(Mean)} [{F(Lo)}, {F(Hi)}]" : F(Mean);
    }

    /// <summary>The mean with its interval of each seed's value, or the bare mean when the per-seed values were not recorded.</summary>
    public static string ShortOr(IReadOnlyCollection<double> bySeed, double mean, int digits = 4) =>
        bySeed.Count > 0 ? Of(bySeed).Short(digits) : Fmt.F(mean, digits);

    /// <summary>E.g. "0.0050 [0.0031, 0.0069] (95 % t, 5 seeds)".</summary>
    public string Text(int digits = 4) => Short(digits) + (Seeds > 1 ? $" (95 % t, {Seeds} seeds)" : " (1 seed)");
}
