using Plotly.NET;

namespace LowRankSparse.Figures;

/// <summary>
/// One chart per training step, shown one at a time with a slider underneath ("watch it happen" in the report and notebooks):
/// every step's traces are drawn into one chart, only the active step's are visible, and each slider position switches the
/// visibility (Plotly's "update" method). Traces in <c>always</c> (e.g. a threshold) stay visible at every position.
/// </summary>
public static class StepSlider
{
    public sealed record Step(string Label, IReadOnlyList<GenericChart> Charts);

    /// <summary>The combined chart, showing step <paramref name="active"/> (an index into <paramref name="steps"/>) at first.</summary>
    public static GenericChart Combine(IReadOnlyList<Step> steps, int active, IReadOnlyList<GenericChart>? always = null)
    {
        if (steps.Count == 0) throw new ArgumentException("at least one step is needed", nameof(steps));
        if (active < 0 || active >= steps.Count) throw new ArgumentOutOfRangeException(nameof(active), $"must be in [0, {steps.Count - 1}]");
        always ??= [];
        var owner = new List<int>();                    // the step of every trace, −1 for the always-visible ones
        var charts = new List<GenericChart>();
        for (int s = 0; s < steps.Count; s++)
            foreach (var chart in steps[s].Charts)
            {
                charts.Add(chart);
                owner.AddRange(Enumerable.Repeat(s, TraceCount(chart)));
            }
        foreach (var chart in always)
        {
            charts.Add(chart);
            owner.AddRange(Enumerable.Repeat(-1, TraceCount(chart)));
        }
        var combined = Charts.Combine(charts);
        var traces = GenericChart.getTraces(combined).ToList();
        for (int i = 0; i < traces.Count; i++) traces[i].SetProperty("visible", owner[i] < 0 || owner[i] == active);

        var sliderSteps = steps.Select((step, s) => new Dictionary<string, object>
        {
            ["label"] = step.Label,
            ["method"] = "update",
            ["args"] = new object[] { new Dictionary<string, object> { ["visible"] = owner.Select(o => o < 0 || o == s).ToArray() } },
        }).ToArray();
        var slider = new Dictionary<string, object>
        {
            ["active"] = active,
            ["steps"] = sliderSteps,
            ["currentvalue"] = new Dictionary<string, object> { ["prefix"] = "step ", ["font"] = new Dictionary<string, object> { ["size"] = 13 } },
            ["pad"] = new Dictionary<string, object> { ["t"] = 50 },
        };
        var layout = new Layout();
        layout.SetProperty("sliders", new object[] { slider });
        return Plotly.NET.Chart.withLayout(layout).Invoke(combined);
    }

    /// <summary>Fixes the y axis range (given on the axis' own scale; log axes take log₁₀ values) so steps compare at a glance.</summary>
    public static GenericChart WithFixedYRange(GenericChart chart, double from, double to)
    {
        var layout = GenericChart.getLayout(chart);
        if (layout.TryGetTypedPropertyValue<DynamicObj.DynamicObj>("yaxis") is { } axis) axis.Value.SetProperty("range", new[] { from, to });
        return chart;
    }

    private static int TraceCount(GenericChart chart) => GenericChart.getTraces(chart).Length;
}
