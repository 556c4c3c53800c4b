using System.Globalization;
using LowRankSparse.Phase;
using LowRankSparse.Theory;
using LowRankSparse.Verdicts;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.LayoutObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace LowRankSparse.Figures;

/// <summary>
/// Heatmaps of a phase grid, one per <see cref="PhaseMetric"/>: numeric x and y (the axis values; a categorical x would need a
/// category axis), the mean over seeds as colour, mean ± std and every seed on hover, the verdict of the metric's claim in every cell
/// as a marker (holds / fails / not applicable / diverged), the theory's predicted boundary as a dashed line and the measured one as
/// a dotted line.
/// </summary>
public static class PhaseFigures
{
    public static IReadOnlyList<Figure> All(PhaseResult r) => PhaseMetric.All.Select(m => Heatmap(r, m)).ToList();

    /// <summary>The id of <see cref="Heatmap"/>'s figure (its anchor and CSV name), without drawing it.</summary>
    public static string Id(PhaseResult r, PhaseMetric metric) => $"phase_{r.XAxis}_{r.YAxis}_{metric.Id}";

    public static Figure Heatmap(PhaseResult r, PhaseMetric metric)
    {
        var xs = r.XValues.ToArray();
        var ys = r.YValues.ToArray();
        var z = ys.Select((_, iy) => xs.Select((_, ix) => r.Cell(ix, iy).Metrics[metric.Id].Mean).ToArray()).ToArray();
        var hover = ys.Select((_, iy) => xs.Select((_, ix) => Hover(r, r.Cell(ix, iy), metric)).ToArray()).ToArray();
        var heat = Chart.Heatmap<double, double, double, string>(zData: z, X: xs, Y: ys, Name: WeightColors.Typeset(metric.Title), ColorScale: StyleParam.Colorscale.RdBu,
            ReverseScale: metric.HigherIsBetter);   // plotly.js's RdBu runs blue (low) to red (high): reversed, high is blue
        // anchored to the criterion (issue #24): centred on it, over a fixed range [ours]; values beyond the range take the end colour
        double centre = Centre(r, metric);
        heat = WithProperties(heat, ("text", hover), ("hoverinfo", "text"), ("zmin", metric.Lo), ("zmax", metric.Hi), ("zmid", centre), ("zauto", false));

        var traces = new List<GenericChart> { heat };
        traces.AddRange(VerdictMarkers(r, metric.Claim));
        var boundaries = r.Boundaries.Where(b => b.Claim == metric.Claim).ToList();
        var outside = new List<string>();
        foreach (var b in boundaries)
        {
            var predicted = Predicted(r, b, outside);
            if (predicted is not null) traces.Add(predicted);
            var measured = b.Rows.Where(row => row.Measured is not null).ToList();
            if (measured.Count > 0)
                traces.Add(Line(r, b, measured.Select(row => (row.Other, row.Measured!.Value)).ToList(), $"measured boundary ({b.Claim})", StyleParam.DrawingStyle.Dot, "#000000", markers: true));
        }

        var table = new DataTable("x_axis", "x", "y_axis", "y", "metric", "mean", "std", "per_seed", "claim", "verdict", "diverged_seeds", "diverged_at_step", "inside_conditions");
        foreach (var c in r.Cells)
        {
            var v = c.Metrics[metric.Id];
            table.Add(r.XAxis, c.X, r.YAxis, c.Y, metric.Id, v.Mean, v.Std, string.Join(";", v.PerSeed.Select(s => s.ToString("R", CultureInfo.InvariantCulture))),
                metric.Claim, VerdictStatusText.Of(c.Verdict(metric.Claim).Status), c.DivergedSeeds, c.DivergedAtStep, c.InsideConditions);
        }
        int holds = r.Cells.Count(c => c.Verdict(metric.Claim).Status == VerdictStatus.Holds), fails = r.Cells.Count(c => c.Verdict(metric.Claim).Status == VerdictStatus.Fails);
        int unsure = r.Cells.Count(c => c.Verdict(metric.Claim).Status == VerdictStatus.Inconclusive);
        int diverged = r.Cells.Count(c => c.Diverged);
        string caption = $"Theory: {string.Join("; ", r.Conditions)}. Colour: {metric.Title}, mean over {r.Seeds} seeds (hover: ± std and every seed). " +
                         $"The colour scale is centred on the criterion {Util.Fmt.F(centre, 3)} and spans {metric.Lo} to {metric.Hi} [ours] (blue: the side the claim wants). " +
                         $"Markers: the verdict of '{metric.Claim}' per cell — holds in {holds}, fails in {fails}, inconclusive in {unsure}, not applicable in " +
                         $"{r.Cells.Count - holds - fails - unsure} of {r.Cells.Count} cells" +
                         (diverged > 0 ? $" ({diverged} with a diverged seed, marked ✱)" : "") + ". " +
                         string.Join(" ", boundaries.Select(b => b.Summary)) +
                         (outside.Count > 0 ? " Predicted boundary outside the grid: " + string.Join("; ", outside) + "." : "");
        string title = $"{metric.Title} over {r.XSymbol} × {r.YSymbol}";
        var chart = Charts.Sized(Charts.Styled(Charts.Combine(traces), WeightColors.Typeset(title), $"{r.XSymbol} ({r.XField})", $"{r.YSymbol} ({r.YField})",
                logY: Geometric(r.YValues), logX: Geometric(r.XValues))
            .WithLegendStyle(Orientation: StyleParam.Orientation.Horizontal, X: 0, Y: -0.22), height: 560);
        return new Figure(Id(r, metric), title, caption, chart, table);
    }

    /// <summary>Where a heatmap's colour scale is centred: the metric's criterion; for the attention mass, the attention verdict's bar on the
    /// base config (<see cref="Thresholds.AttentionGainFactor"/> × uniform attention's mass).</summary>
    public static double Centre(PhaseResult r, PhaseMetric metric) => metric == PhaseMetric.Attention
        ? Thresholds.AttentionGainFactor * Predictions.UniformAttentionMass(r.BaseConfig.Data) : metric.Criterion;

    private static IEnumerable<GenericChart> VerdictMarkers(PhaseResult r, string claim)
    {
        var groups = new (string Name, Func<PhaseCell, bool> Where, string Symbol, string Color)[]
        {
            ("holds", c => !c.Diverged && c.Verdict(claim).Status == VerdictStatus.Holds, "circle", "#0a7a2f"),
            ("fails", c => !c.Diverged && c.Verdict(claim).Status == VerdictStatus.Fails, "x", "#b00020"),
            ("inconclusive (interval straddles the criterion)", c => !c.Diverged && c.Verdict(claim).Status == VerdictStatus.Inconclusive, "circle-open", "#ffbf00"),   // amber ring, larger than the boundary's markers it may sit under
            ("not applicable", c => !c.Diverged && c.Verdict(claim).Status == VerdictStatus.NotApplicable, "diamond", "#8a6d00"),
            ("diverged ✱", c => c.Diverged, "asterisk-open", "#000000"),
        };
        foreach (var g in groups)
        {
            var cells = r.Cells.Where(g.Where).ToList();
            if (cells.Count == 0) continue;
            var scatter = Chart.Scatter<double, double, string>(x: cells.Select(c => c.X), y: cells.Select(c => c.Y), mode: StyleParam.Mode.Markers,
                Name: $"{claim}: {g.Name}", MultiText: cells.Select(c => c.Verdict(claim).Measured).ToArray());
            yield return WithProperties(scatter, ("marker", new Dictionary<string, object>
            {
                ["symbol"] = g.Symbol, ["size"] = g.Symbol == "circle-open" ? 18 : 11, ["color"] = g.Color,
                ["line"] = new Dictionary<string, object> { ["color"] = g.Symbol is "asterisk-open" or "circle-open" ? g.Color : "#ffffff", ["width"] = g.Symbol == "circle-open" ? 3 : 1.5 },
            }));
        }
    }

    /// <summary>The predicted boundary inside the grid's range (null, and a note, when it lies outside).</summary>
    private static GenericChart? Predicted(PhaseResult r, PhaseBoundary b, List<string> outside)
    {
        bool alongX = b.Axis == r.XAxis;
        var range = alongX ? r.XValues : r.YValues;
        double lo = range[0], hi = range[^1];
        var inside = b.Rows.Where(row => row.Predicted >= lo && row.Predicted <= hi).ToList();
        var axis = PhaseAxis.Named(b.Axis);
        if (inside.Count == 0)
        {
            string at = string.Join(", ", b.Rows.Select(row => axis.Format(row.Predicted)).Distinct());
            outside.Add($"{axis.Symbol} = {at} ({b.Condition}; grid {axis.Format(lo)}–{axis.Format(hi)})");
            return null;
        }
        var points = b.Rows.Select(row => (row.Other, row.Predicted)).ToList();
        if (points.Select(p => p.Predicted).Distinct().Count() == 1)   // a straight line across the grid: span it edge to edge
        {
            var others = alongX ? r.YValues : r.XValues;
            points = [(Edge(others, -1), points[0].Predicted), (Edge(others, +1), points[0].Predicted)];
        }
        return Line(r, b, points, $"predicted boundary ({b.Condition})", StyleParam.DrawingStyle.Dash, "#ff7f0e", markers: false);
    }

    private static GenericChart Line(PhaseResult r, PhaseBoundary b, IReadOnlyList<(double Other, double Along)> points, string name,
        StyleParam.DrawingStyle dash, string color, bool markers)
    {
        bool alongX = b.Axis == r.XAxis;
        var x = points.Select(p => alongX ? p.Along : p.Other).ToArray();
        var y = points.Select(p => alongX ? p.Other : p.Along).ToArray();
        return Chart.Scatter<double, double, string>(x: x, y: y, mode: markers ? StyleParam.Mode.Lines_Markers : StyleParam.Mode.Lines, Name: name,
            LineColor: Color.fromString(color), LineDash: dash, LineWidth: 3, MarkerColor: Color.fromString(color));
    }

    /// <summary>Sets plotly.js trace attributes the typed API does not reach (2-D hover text, marker size and outline).</summary>
    private static GenericChart WithProperties(GenericChart chart, params (string Name, object Value)[] properties) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(t =>
        {
            foreach (var (name, value) in properties) t.SetProperty(name, value);
            return t;
        }), chart);

    /// <summary>A log axis for values spread over more than a decade and spaced more evenly in ratio than in difference (e.g. 0.05 … 8).</summary>
    public static bool Geometric(IReadOnlyList<double> v)
    {
        if (v.Count < 3 || v[0] <= 0 || v[^1] / v[0] < 10) return false;
        var ratios = v.Zip(v.Skip(1), (a, b) => Math.Log(b / a)).ToList();
        var steps = v.Zip(v.Skip(1), (a, b) => b - a).ToList();
        static double Spread(IReadOnlyList<double> x) => (x.Max() - x.Min()) / Math.Max(Math.Abs(x.Average()), 1e-300);
        return Spread(ratios) < Spread(steps);
    }

    /// <summary>Half a cell beyond the first (−1) or last (+1) value.</summary>
    private static double Edge(IReadOnlyList<double> values, int side)
    {
        if (values.Count == 1) return values[0] + side * 0.5 * Math.Max(Math.Abs(values[0]), 1e-9);
        if (Geometric(values)) return side < 0 ? values[0] / Math.Sqrt(values[1] / values[0]) : values[^1] * Math.Sqrt(values[^1] / values[^2]);
        return side < 0 ? values[0] - (values[1] - values[0]) / 2 : values[^1] + (values[^1] - values[^2]) / 2;
    }

    private static string Hover(PhaseResult r, PhaseCell c, PhaseMetric metric)
    {
        var v = c.Metrics[metric.Id];
        var verdict = c.Verdict(metric.Claim);
        string seeds = string.Join(", ", v.PerSeed.Select(s => s.ToString("F4", CultureInfo.InvariantCulture)));
        return $"{r.XSymbol} = {PhaseAxis.Named(r.XAxis).Format(c.X)}, {r.YSymbol} = {PhaseAxis.Named(r.YAxis).Format(c.Y)}<br>" +
               $"{metric.Title}: {v.Mean.ToString("F4", CultureInfo.InvariantCulture)} ± {v.Std.ToString("F4", CultureInfo.InvariantCulture)} (seeds: {seeds})<br>" +
               $"{metric.Claim}: {VerdictStatusText.Of(verdict.Status)}{(c.Diverged ? $"; {c.DivergedSeeds} of {c.Seeds} seeds diverged (step {c.DivergedAtStep})" : "")}<br>" +
               $"{(c.InsideConditions ? "inside" : "outside")} the theory's conditions";
    }
}
