using LowRankSparse.Measurements;
using LowRankSparse.Util;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace LowRankSparse.Figures;

/// <summary>Issue #23: does attention learning matter? Test hinge of full training vs W_Q, W_K frozen, and attention mass init vs final, with 95 % intervals.</summary>
public static class AttentionMattersFigures
{
    public const string Id = "attention_matters";

    public static Figure Of(AttentionMattersSection a)
    {
        var table = new DataTable("quantity", "mean", "lo", "hi", "seeds");
        void Row(string name, SeedInterval s) => table.Add(name, s.Mean, s.Lo, s.Hi, s.Seeds);
        Row("full_test_hinge", a.FullTestHinge);
        Row("frozen_qk_test_hinge", a.FrozenQkTestHinge);
        Row("attention_mass_init", a.AttentionMassInit);
        Row("attention_mass_final", a.AttentionMassFinal);
        table.Add("uniform_attention_mass", a.UniformAttentionMass, a.UniformAttentionMass, a.UniformAttentionMass, 0);
        var hinge = Bars(["full training", WeightColors.Typeset("W_Q, W_K frozen at W(0)")], [a.FullTestHinge, a.FrozenQkTestHinge], "test hinge loss", "#1f77b4");
        var mass = Chart.Combine(new[]
        {
            Bars(["at initialisation", "after training"], [a.AttentionMassInit, a.AttentionMassFinal], "attention mass on label-relevant keys", "#ff7f0e"),
            Chart.Line<string, double, string>(x: new[] { "at initialisation", "after training" }, y: new[] { a.UniformAttentionMass, a.UniformAttentionMass },
                Name: "uniform attention", ShowMarkers: false, LineColor: Color.fromString("#7f7f7f"), LineDash: StyleParam.DrawingStyle.Dash),
        });
        var chart = Panels.Stack(new Panels.Panel[]
        {
            new("test hinge loss", Charts.Axes(hinge, "", "test hinge loss")),
            new("attention mass", Charts.Axes(mass, "", "mass on label-relevant keys")),
        }, "Does attention learning matter?", columns: 2);
        return new Figure(Id, "Does attention learning matter? Full training against W_Q, W_K frozen at W(0)",
            a.Sentence + " Bars: mean over seeds; whiskers: 95 % t-interval.", chart, table);
    }

    /// <summary>One bar per value (its mean) with its 95 % interval drawn as a black whisker (one legend entry for all whiskers).</summary>
    private static GenericChart Bars(string[] names, SeedInterval[] values, string series, string color) =>
        Chart.Combine(values.Select((v, i) => Chart.Line<string, double, string>(x: new[] { names[i], names[i] }, y: new[] { v.Lo, v.Hi },
                Name: "95 % t-interval over seeds", ShowLegend: i == 0, ShowMarkers: true, LineColor: Color.fromString("#000000"),
                MarkerColor: Color.fromString("#000000"), MarkerSymbol: StyleParam.MarkerSymbol.LineEW))
            .Prepend(Chart.Column<double, string, string>(values: values.Select(v => v.Mean).ToArray(), Keys: names, Name: series,
                MarkerColor: Color.fromString(color))));
}
