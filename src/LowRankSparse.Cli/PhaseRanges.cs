using System.Globalization;
using LowRankSparse.Phase;

namespace LowRankSparse.Cli;

/// <summary>
/// Parses a grid axis' values from the command line: <c>FROM:TO:COUNT</c> (evenly spaced, both ends included) or an explicit
/// comma-separated list; no value = the axis' defaults. Malformed text is a usage error (exit code 2) naming the option.
/// </summary>
internal static class PhaseRanges
{
    public static IReadOnlyList<double> Parse(string option, string? text, PhaseAxis axis)
    {
        if (text is null) return axis.DefaultValues;
        text = text.Trim();
        if (text.Length == 0) throw new UsageException($"{option} \"\": empty range; give FROM:TO:COUNT (e.g. 0.05:0.4:8) or a list (e.g. 0.1,0.2,0.4)");
        if (text.Contains(':'))
        {
            var parts = text.Split(':');
            if (parts.Length != 3 || !TryNumber(parts[0], out double from) || !TryNumber(parts[1], out double to)
                || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
                throw new UsageException($"{option} \"{text}\": expected FROM:TO:COUNT, e.g. 0.05:0.4:8");
            if (count < 1) throw new UsageException($"{option} \"{text}\": COUNT = {count} must be ≥ 1 (an empty range)");
            if (count > 1 && to <= from) throw new UsageException($"{option} \"{text}\": TO = {parts[1]} must be greater than FROM = {parts[0]} (a reversed or empty range)");
            return axis.Linspace(from, to, count);
        }
        var values = new List<double>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
            values.Add(TryNumber(item, out double v) ? v : throw new UsageException($"{option} \"{text}\": \"{item}\" is not a number"));
        return values;
    }

    private static bool TryNumber(string s, out double value) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
