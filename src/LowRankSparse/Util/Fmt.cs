using System.Globalization;

namespace LowRankSparse.Util;

/// <summary>Numbers in sentences: fixed digits, invariant culture (a verdict or caption reads the same on every machine).</summary>
public static class Fmt
{
    public static string F(double value, int digits) => value.ToString("F" + digits, CultureInfo.InvariantCulture);

    public static string List(IEnumerable<double> values, int digits) => "[" + string.Join(", ", values.Select(v => F(v, digits))) + "]";
}
