using System.Collections;
using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>
/// Readable ticks on a log axis. Plotly's defaults label a log axis with SI prefixes ("100µ, 10µ") and, over less than a few
/// decades, with bare mantissa digits ("4 3 2" for 0.4, 0.3, 0.2). Here: over three decades or more, one tick per power of
/// ten written as 10 with an exponent; over fewer, ticks at 1, 2, 5 × 10^k written as plain numbers (0.2, 0.5, 1).
/// </summary>
public static class LogTicks
{
    /// <summary>Decades a range must span for one tick per power of ten.</summary>
    public const double PowerTicksFrom = 3;

    /// <summary>Sets the ticks of <paramref name="axis"/> ("xaxis" or "yaxis") for the positive values of the chart's traces.</summary>
    public static void Apply(GenericChart chart, string axis)
    {
        var values = GenericChart.getTraces(chart).SelectMany(t => Values(t, axis[..1])).Where(v => v > 0 && double.IsFinite(v)).ToList();
        if (GenericChart.getLayout(chart).TryGetTypedPropertyValue<DynamicObj.DynamicObj>(axis) is not { } style) return;
        double span = values.Count == 0 ? PowerTicksFrom : Math.Log10(values.Max() / values.Min());
        Set(style.Value, span);
    }

    /// <summary>The tick settings for a log axis whose values span <paramref name="decades"/> decades.</summary>
    public static void Set(DynamicObj.DynamicObj axis, double decades)
    {
        axis.SetProperty("exponentformat", "power");
        if (decades >= PowerTicksFrom)
        {
            axis.SetProperty("dtick", 1);
        }
        else
        {
            axis.SetProperty("dtick", "D2");
            axis.SetProperty("tickformat", "~g");
        }
    }

    private static IEnumerable<double> Values(Trace trace, string property) =>
        trace.TryGetTypedPropertyValue<IEnumerable>(property) is { } values
            ? values.Value.Cast<object>().Where(v => v is IConvertible).Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))
            : [];
}
