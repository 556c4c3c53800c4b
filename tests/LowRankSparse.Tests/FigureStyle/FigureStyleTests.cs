using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Figures;
using LowRankSparse.Tests.Reproduce;

namespace LowRankSparse.Tests.FigureStyle;

/// <summary>What the figures look like (issue #14): heatmaps drawn, readable log ticks, one colour per weight, separate axes.</summary>
[Collection(QuickReproductionCollection.Name)]
public class FigureStyleTests(QuickReproductionFixture quick)
{
    private IReadOnlyList<Figure> Report => ReportFigures.All(quick.Results);

    private Figure ById(string id) => Report.Single(f => f.Id == id);

    [Fact]
    public void Heatmap_keeps_its_categorical_x_axis()
    {
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig);
        var patterns = PatternSet.Create(config.Data, config.DataSeed);
        using var data = DataGenerator.Generate(config.Data, patterns, 2, seed: 0);
        var chart = DataFigures.SampleHeatmap(data, patterns, 0).Chart;
        // a forced "linear" type on string categories makes plotly.js draw the heatmap with NaN widths (blank)
        foreach (var axis in FigureJson.Axes(chart, "xaxis").Concat(FigureJson.Axes(chart, "yaxis")))
            Assert.NotEqual("linear", axis["type"]?.GetValue<string>());
        Assert.Equal("heatmap", FigureJson.Traces(chart).Single()["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("spectra")]
    [InlineData("spectra_vs_step")]
    [InlineData("wo_row_norms")]
    [InlineData("wo_row_norms_vs_step")]
    public void Log_axes_label_ticks_as_powers_of_ten_or_plain_numbers(string id)
    {
        var axis = FigureJson.Axes(ById(id).Chart, "yaxis").Single(a => a["type"]?.GetValue<string>() == "log");
        Assert.Equal("power", axis["exponentformat"]?.GetValue<string>());
        // one tick per decade (10^k), or 1-2-5 ticks written in full (0.2, not the bare mantissa "2")
        bool decades = axis["dtick"]?.ToJsonString() == "1";
        bool plain = axis["dtick"]?.ToJsonString() == "\"D2\"" && axis["tickformat"]?.GetValue<string>() == "~g";
        Assert.True(decades || plain, axis.ToJsonString());
    }

    [Fact]
    public void Log_ticks_switch_to_plain_numbers_below_three_decades()
    {
        var narrow = Charts.Styled(Charts.Line([1.0, 2, 3], [0.2, 0.3, 0.4], "n"), "t", "x", "y", logY: true);
        var wide = Charts.Styled(Charts.Line([1.0, 2, 3], [1e-6, 1e-3, 1], "w"), "t", "x", "y", logY: true);
        Assert.Equal("~g", FigureJson.Axes(narrow, "yaxis").Single()["tickformat"]?.GetValue<string>());
        Assert.Equal("1", FigureJson.Axes(wide, "yaxis").Single()["dtick"]?.ToJsonString());
    }

    [Theory]
    [InlineData("spectra")]
    [InlineData("energy_vs_step")]
    [InlineData("spectra_vs_step")]
    [InlineData("rank_vs_k")]
    [InlineData("noise_sweep")]
    [InlineData("patterns_sweep")]
    public void Every_weight_has_one_colour_in_every_figure(string id)
    {
        var traces = FigureJson.Traces(ById(id).Chart).ToList();
        foreach (string weight in new[] { "W_Q", "W_K", "W_V" })
        {
            var colors = traces.Where(t => t["showlegend"]?.GetValue<bool>() != false && FigureJson.Name(t) is { } n && n.StartsWith(WeightColors.Label(weight), StringComparison.Ordinal))
                .Select(t => FigureJson.LineColor(t) ?? (string?)t["marker"]?["color"]).Distinct().ToList();   // a prediction: open markers only
            Assert.Equal([WeightColors.Of(weight)], colors);
        }
    }

    [Fact]
    public void Rank_vs_K_has_one_panel_per_mixing_mode_and_six_legend_entries()
    {
        var chart = ById("rank_vs_k").Chart;
        int modes = quick.Results.Sweeps.LabelRelevant.Select(p => p.Mode).Distinct().Count();
        Assert.Equal(modes, FigureJson.Traces(chart).Select(t => t["xaxis"]?.GetValue<string>() ?? "x").Distinct().Count());
        Assert.Equal(6, FigureJson.LegendEntries(chart));
    }

    /// <summary>Issue #23: truncation per part of the update (all, attention, value), LoRA on the attention part and the random rank-K
    /// control, each its own series against the test hinge loss (accuracy is 1 at every rank and separates nothing).</summary>
    [Fact]
    public void The_adaption_figure_draws_every_part_the_lora_adapters_and_the_control()
    {
        var names = FigureJson.Traces(ById("low_rank_adaption").Chart).Select(FigureJson.Name).OfType<string>().ToList();
        foreach (var prefix in new[] { "ΔW<sub>Q</sub>, ΔW<sub>K</sub>, ΔW<sub>V</sub> all", "attention part", "value part", "LoRA adapters", "control: random rank-" })
            Assert.Contains(names, n => n.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>Issue #25: ΔW_Q's curve lay exactly under ΔW_K's, the predicted ranks under the measured ones, and only colour told them apart.</summary>
    [Fact]
    public void Series_with_the_same_points_differ_in_dash_or_marker_in_every_figure()
    {
        foreach (var figure in Report)
        {
            var visible = FigureJson.Traces(figure.Chart).Where(t => t["showlegend"]?.GetValue<bool>() != false && t["visible"]?.GetValue<bool>() != false && t["x"] is not null);
            foreach (var same in visible.GroupBy(t => $"{t["xaxis"]}|{t["yaxis"]}|{t["x"]!.ToJsonString()}|{t["y"]?.ToJsonString()}").Where(g => g.Count() > 1))
            {
                var looks = same.Select(t => $"{t["mode"]}|{t["line"]?["dash"]}|{t["marker"]?["symbol"]}").ToList();
                Assert.True(looks.Distinct().Count() == looks.Count, $"{figure.Id}: {string.Join(", ", same.Select(FigureJson.Name))} coincide and look alike ({string.Join("; ", looks)})");
            }
        }
    }

    /// <summary>Issue #25: no label reads "σ_i" or "ΔW_V" literally — Unicode subscripts or plotly's &lt;sub&gt;.</summary>
    [Fact]
    public void Labels_typeset_their_subscripts()
    {
        var underscore = new System.Text.RegularExpressions.Regex(@"(?<![A-Za-z])(ΔW|W|σ|μ|a|x)_[A-Za-z0-9{]");
        foreach (var figure in Report)
        {
            var json = FigureJson.Of(figure.Chart);
            var labels = json["data"]!.AsArray().Select(t => (string?)t!["name"])
                .Concat(json["layout"]!.AsObject().Where(kv => kv.Key.StartsWith("xaxis") || kv.Key.StartsWith("yaxis") || kv.Key == "title")
                    .Select(kv => (string?)kv.Value?["title"]?["text"] ?? (string?)kv.Value?["text"]))
                .OfType<string>().ToList();
            Assert.NotEmpty(labels);
            Assert.DoesNotContain(labels, l => underscore.IsMatch(l));
        }
        Assert.Equal("ΔW<sub>V</sub>", WeightColors.Label("W_V"));
    }

    [Fact]
    public void LoRA_is_drawn_against_the_hinge_loss_and_two_panel_figures_leave_room_for_the_right_y_axis_title()
    {
        // issue #23/#25: the adaption figure draws test hinge loss only (accuracy is flat at 1 and separates nothing)
        var chart = ById("low_rank_adaption").Chart;
        Assert.Contains(FigureJson.Traces(chart), t => FigureJson.Name(t)?.StartsWith("LoRA", StringComparison.Ordinal) == true);
        Assert.Contains("hinge", (string?)FigureJson.Layout(chart)["yaxis"]?["title"]?["text"] ?? "");
        double gap = FigureJson.Layout(ById("attention_matters").Chart)["grid"]!["xgap"]!.GetValue<double>();   // at 0.12 the right y-axis title sat in the left panel
        Assert.True(gap >= 0.2, $"gap between the panels {gap}");
    }
}
