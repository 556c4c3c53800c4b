using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace LowRankSparse.Figures;

/// <summary>Small building blocks shared by the figure builders (one place for styling).</summary>
public static class Charts
{
    /// <summary>
    /// [ours] Significant digits a chart keeps of each value (the CSV beside every figure keeps them all): a double printed with 17 digits
    /// per point made executed notebooks exceed their 500 kB budget once the theory regime's 448–512 neurons filled the W_O figures.
    /// </summary>
    public const int ChartDigits = 4;

    /// <summary>A value rounded to <paramref name="digits"/> significant digits.</summary>
    public static double Significant(double x, int digits = ChartDigits) =>
        x == 0 || double.IsNaN(x) || double.IsInfinity(x) ? x : Math.Round(x, Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(x))), 0, 15));

    private static IEnumerable<double> Rounded(IEnumerable<double> values) => values.Select(v => Significant(v)).ToArray();

    public static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string name, bool markers = true, StyleParam.DrawingStyle? dash = null) =>
        LineOf(Rounded(x), Rounded(y), name, markers, dash);

    private static GenericChart LineOf(IEnumerable<double> x, IEnumerable<double> y, string name, bool markers, StyleParam.DrawingStyle? dash) =>
        dash is null
            ? Chart.Line<double, double, string>(x: x, y: y, Name: name, ShowMarkers: markers)
            : Chart.Line<double, double, string>(x: x, y: y, Name: name, ShowMarkers: markers, LineDash: dash);

    /// <summary>A line in a fixed colour (e.g. the same weight at every slider position keeps its colour).</summary>
    public static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string name, string color, bool markers = true, StyleParam.DrawingStyle? dash = null)
    {
        (x, y) = (Rounded(x), Rounded(y));
        return dash is null
            ? Chart.Line<double, double, string>(x: x, y: y, Name: name, ShowMarkers: markers, LineColor: Color.fromString(color), MarkerColor: Color.fromString(color))
            : Chart.Line<double, double, string>(x: x, y: y, Name: name, ShowMarkers: markers, LineColor: Color.fromString(color), MarkerColor: Color.fromString(color), LineDash: dash);
    }

    /// <summary>
    /// A weight's curve (issue #25): its colour, dash and marker (<see cref="WeightColors"/>), named by its typeset label and
    /// <paramref name="suffix"/> (" measured"), so coinciding curves of two weights both stay visible.
    /// </summary>
    public static GenericChart WeightLine(IEnumerable<double> x, IEnumerable<double> y, string weight, string suffix = "")
    {
        var (symbol, size) = WeightColors.Marker(weight);
        return Styled(Line(x, y, WeightColors.Label(weight) + suffix, WeightColors.Of(weight)), WeightColors.Dash(weight), symbol, size, open: false);
    }

    /// <summary>
    /// A prediction drawn over the measurement it predicts: open markers of the weight's symbol, larger than the measured ones,
    /// and no line — where both agree the measured point sits inside the ring instead of hiding the prediction.
    /// </summary>
    public static GenericChart Predicted(IEnumerable<double> x, IEnumerable<double> y, string weight, string suffix = " predicted")
    {
        var (symbol, size) = WeightColors.Marker(weight);
        var chart = Chart.Point<double, double, string>(x: x, y: y, Name: WeightColors.Label(weight) + suffix, MarkerColor: Color.fromString(WeightColors.Of(weight)));
        return Styled(chart, dash: null, symbol, size + 8, open: true);
    }

    /// <summary>Sets dash and marker of every trace through plotly.js's own names (e.g. "dash", "square-open").</summary>
    private static GenericChart Styled(GenericChart chart, string? dash, string symbol, int size, bool open)
    {
        foreach (var trace in GenericChart.getTraces(chart))
        {
            if (dash is not null)
            {
                var line = trace.TryGetTypedPropertyValue<Plotly.NET.Line>("line") is { } existing ? existing.Value : new Plotly.NET.Line();
                line.SetProperty("dash", dash);
                trace.SetProperty("line", line);
            }
            var marker = trace.TryGetTypedPropertyValue<Plotly.NET.TraceObjects.Marker>("marker") is { } m ? m.Value : new Plotly.NET.TraceObjects.Marker();
            marker.SetProperty("symbol", open ? symbol + "-open" : symbol);
            marker.SetProperty("size", size);
            if (open) marker.SetProperty("line", new Dictionary<string, object> { ["width"] = 2 });
            trace.SetProperty("marker", marker);
        }
        return chart;
    }

    public static GenericChart Points(IEnumerable<double> x, IEnumerable<double> y, string name, IEnumerable<string>? text = null) =>
        text is null
            ? Chart.Point<double, double, string>(x: Rounded(x), y: Rounded(y), Name: name)
            : Chart.Point<double, double, string>(x: Rounded(x), y: Rounded(y), Name: name, MultiText: text.ToArray());

    /// <summary>A mean curve with a shaded band [mean − std, mean + std]; only the mean appears in the legend.</summary>
    /// <summary>Mean line with a ± std band, the band clipped to [<paramref name="lowest"/>, <paramref name="highest"/>] (an accuracy stays in [0, 1]).</summary>
    /// <param name="color">The curve's colour (its band is a translucent version of it); null: Plotly's next colour and a grey band.</param>
    /// <param name="weight">A weight ("W_Q"): its colour, dash and marker for the curve (<see cref="WeightLine"/>), its label as the name.</param>
    public static GenericChart Band(IReadOnlyList<double> x, IReadOnlyList<double> mean, IReadOnlyList<double> std, string name,
        double lowest = double.NegativeInfinity, double highest = double.PositiveInfinity, string? color = null, string? weight = null)
    {
        if (weight is not null) (name, color) = (WeightColors.Label(weight), WeightColors.Of(weight));
        var upper = mean.Zip(std, (m, s) => Math.Min(m + s, highest)).ToArray();
        var lower = mean.Zip(std, (m, s) => Math.Max(m - s, lowest)).ToArray();
        var shade = Color.fromString(color is null ? "rgba(120,120,120,0.25)" : WeightColors.Translucent(color, 0.2));
        return Chart.Combine(new[]
        {
            Chart.Line<double, double, string>(x: x, y: upper, Name: name + " + std", ShowLegend: false, ShowMarkers: false, LineWidth: 0, LineColor: shade),
            Chart.Line<double, double, string>(x: x, y: lower, Name: name + " − std", ShowLegend: false, ShowMarkers: false, LineWidth: 0, LineColor: shade,
                Fill: StyleParam.Fill.ToNext_y, FillColor: shade),
            weight is not null ? WeightLine(x, mean, weight)
                : color is null ? Chart.Line<double, double, string>(x: x, y: mean, Name: name, ShowMarkers: true)
                : Line(x, mean, name, color),
        });
    }

    /// <summary>A dashed vertical line at x (drawn as a trace so it appears in the legend), e.g. a threshold the theory predicts.</summary>
    public static GenericChart VerticalMarker(double x, double yMin, double yMax, string name) =>
        Chart.Line<double, double, string>(x: new[] { x, x }, y: new[] { yMin, yMax }, Name: name, ShowMarkers: false,
            LineDash: StyleParam.DrawingStyle.Dash);

    public static GenericChart Histogram(IEnumerable<double> x, string name, int bins) =>
        Chart.Histogram<double, double, string>(X: Rounded(x).ToArray(), Name: name, NBinsX: bins);

    /// <summary>The height of a one-panel chart in pixels; its width follows the page (or notebook cell) it is drawn in.</summary>
    public const int Height = 440;

    /// <summary>
    /// A fixed height and a width that follows the container: layout width null (Plotly.NET writes its default 600 px for a
    /// missing one; plotly.js reads null as unset), autosize on, and Plotly.NET's config <c>responsive: true</c> redraws the
    /// chart when the window is resized (a 1280 px screen, a 1024 px projector).
    /// </summary>
    public static GenericChart Sized(GenericChart chart, int height = Height)
    {
        var layout = new Layout();
        layout.SetProperty("width", null!);
        layout.SetProperty("height", height);
        layout.SetProperty("autosize", true);
        return Plotly.NET.Chart.withLayout(layout).Invoke(chart);
    }

    /// <summary>
    /// Title, axis titles (with units), optional log axes with readable ticks (<see cref="LogTicks"/>), a fixed height
    /// (<see cref="Sized"/>: the width follows the page). A linear axis
    /// keeps Plotly's own type detection: forcing "linear" on a heatmap's categorical x axis drew nothing (NaN widths).
    /// </summary>
    public static GenericChart Styled(GenericChart chart, string title, string xTitle, string yTitle, bool logY = false, bool logX = false)
    {
        var styled = Sized(Axes(chart, xTitle, yTitle, logY, logX));
        var layout = new Layout();
        layout.SetProperty("title", Title.init(new FSharpOption<string>(title), null, null, null, null, null, null, null, null, null, null, null));
        return Plotly.NET.Chart.withLayout(layout).Invoke(styled);
    }

    /// <summary>Axis titles and optional log axes of one chart (or one panel before <see cref="Panels"/> arranges it).</summary>
    public static GenericChart Axes(GenericChart chart, string xTitle, string yTitle, bool logY = false, bool logX = false)
    {
        var withX = logX
            ? chart.WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: StyleParam.AxisType.Log)
            : chart.WithXAxisStyle<double, double, string>(TitleText: xTitle);
        var styled = logY
            ? withX.WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: StyleParam.AxisType.Log)
            : withX.WithYAxisStyle<double, double, string>(TitleText: yTitle);
        if (logX) LogTicks.Apply(styled, "xaxis");
        if (logY) LogTicks.Apply(styled, "yaxis");
        return styled;
    }

    public static GenericChart Combine(IEnumerable<GenericChart> charts) => Chart.Combine(charts);
}
