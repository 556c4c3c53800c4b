using System.Text.Json.Nodes;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Export;
using LowRankSparse.Figures;
using LowRankSparse.Report;
using LowRankSparse.Tests.FigureStyle;
using LowRankSparse.Tests.Interactive;
using LowRankSparse.Tests.Reproduce;
using LowRankSparse.Util;

namespace LowRankSparse.Tests.StaticFigures;

/// <summary>What a static figure is made of, without a browser: its layout, its file name, the formats, where it is written, and the run it is drawn from.</summary>
[Collection(QuickReproductionCollection.Name)]
public sealed class PublicationLayoutTests(QuickReproductionFixture quick)
{
    private IReadOnlyList<Figure> Report => ReportFigures.All(quick.Results);

    [Fact]
    public void A_publication_figure_is_7_inches_wide_on_white_with_dark_axes_no_title_and_no_slider()
    {
        foreach (var figure in Report)
        {
            var json = PublicationLayout.Of(figure.Chart);
            var layout = json["layout"]!.AsObject();
            var template = layout["template"]!["layout"]!;
            Assert.Equal((PublicationLayout.Width, (int)Math.Round(FigureJson.Layout(figure.Chart)["height"]!.GetValue<double>() * 672 / 760)), PublicationLayout.Size(json));
            Assert.Equal("#ffffff", template["plot_bgcolor"]!.GetValue<string>());
            Assert.Equal("#ffffff", template["paper_bgcolor"]!.GetValue<string>());
            Assert.Equal("#222222", template["xaxis"]!["linecolor"]!.GetValue<string>());
            Assert.False(layout.ContainsKey("title"), figure.Id);
            Assert.False(layout.ContainsKey("sliders"), figure.Id);
            // the report's colours: its template's colour way, and every trace as drawn in the report
            Assert.Equal(FigureJson.Layout(figure.Chart)["template"]!["layout"]!["colorway"]!.ToJsonString(), template["colorway"]!.ToJsonString());
            Assert.Equal(FigureJson.Of(figure.Chart)["data"]!.ToJsonString(), json["data"]!.ToJsonString());
        }
    }

    [Fact]
    public void A_slider_figure_shows_its_last_snapshot()
    {
        var json = PublicationLayout.Of(Report.Single(f => f.Id == "spectra_vs_step").Chart);
        var visible = json["data"]!.AsArray().Select(t => t!.AsObject()).Where(t => t["visible"]?.GetValue<bool>() != false).ToList();
        Assert.Equal([WeightColors.Label("W_Q"), WeightColors.Label("W_K"), WeightColors.Label("W_V"), "theory: 2 dominant values"], visible.Select(t => t["name"]!.GetValue<string>()));
        // the chart keeps Charts.ChartDigits significant digits of each value (the CSV keeps them all)
        var last = quick.Results.Updates.SpectraVsStep[^1].SingularValues["W_Q"].Select(v => Charts.Significant(Math.Max(v, 1e-12)));
        Assert.Equal(last, visible[0]["y"]!.AsArray().Select(y => y!.GetValue<double>()));
    }

    [Fact]
    public void Report_charts_have_a_height_and_take_the_width_of_the_page()
    {
        foreach (var figure in Report)
        {
            var layout = FigureJson.Layout(figure.Chart);
            Assert.True(layout.ContainsKey("width") && layout["width"] is null, $"{figure.Id}: width {layout["width"]?.ToJsonString()}");
            Assert.True(layout["autosize"]!.GetValue<bool>(), figure.Id);
            Assert.InRange(layout["height"]!.GetValue<int>(), 300, 700);
        }
        Assert.Contains("\"responsive\":true", Report[0].ChartHtml());
    }

    [Fact]
    public void File_names_are_latex_friendly_and_one_per_figure()
    {
        Assert.Equal("fig-spectra-vs-step", FigureFileName.Of("spectra_vs_step"));
        Assert.Equal("fig-phase-qk-init-scale-learning-rate-gap", FigureFileName.Of("phase_qk_init_scale_learning_rate_Gap"));
        var names = Report.Select(f => FigureFileName.Of(f.Id)).ToList();
        Assert.All(names, n => Assert.Matches("^fig-[a-z0-9]+(-[a-z0-9]+)*$", n));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Formats_parse_from_a_comma_separated_list()
    {
        Assert.Equal([FigureFormat.Svg, FigureFormat.Pdf], FigureFormats.Parse(" SVG, pdf,svg "));
        var e = Assert.Throws<ConfigException>(() => FigureFormats.Parse("png,eps", "--figures"));
        Assert.Equal("--figures = \"png,eps\": 'eps' is not a figure format; allowed: a comma-separated list of svg, png, pdf", e.Message);
    }

    [Fact]
    public void A_finished_run_is_read_back_whole_and_draws_the_figures_of_its_report()
    {
        var read = ResultsFile.Read(quick.Folder);
        foreach (var figure in ReportFigures.All(read))
            Assert.Equal(File.ReadAllText(Path.Combine(quick.Folder, "figures", figure.Id + ".csv")), figure.Data.ToCsv());
    }

    [Fact]
    public void Static_figures_are_staged_archived_and_replaced_with_their_run()
    {
        string dir = TestPaths.NewTempDir("publication");
        var set = ReportFiles.Render(quick.Results);
        ReportFiles.Write(dir, set, folder => { Directory.CreateDirectory(folder); File.WriteAllText(Path.Combine(folder, "fig-spectra.pdf"), "first run"); });
        Assert.Equal("first run", File.ReadAllText(Path.Combine(dir, ReportFiles.Publication, "fig-spectra.pdf")));

        string? kept = ReportFiles.Write(dir, set);   // a rerun without --figures: the first run's figures go with it to previous/
        Assert.False(Directory.Exists(Path.Combine(dir, ReportFiles.Publication)));
        Assert.Equal("first run", File.ReadAllText(Path.Combine(kept!, ReportFiles.Publication, "fig-spectra.pdf")));
    }

    [Fact]
    public void Without_chromium_figures_and_reproduce_figures_stop_with_one_line_and_exit_code_2_before_any_work()
    {
        string dir = TestPaths.NewTempDir("no-chromium");
        var environment = new Dictionary<string, string> { [Chromium.Variable] = Path.Combine(dir, "no-such-chromium") };
        var figures = CliProcess.Run(TestPaths.RepoRoot, environment, "figures", "--from", quick.Folder, "--out", Path.Combine(dir, "figures"));
        Assert.Equal(2, figures.ExitCode);
        Assert.Equal($"error: {Chromium.Variable} = \"{Path.Combine(dir, "no-such-chromium")}\": not an executable file; static figures need Chromium or Chrome (apt-get install chromium), or unset {Chromium.Variable} to search PATH",
            figures.Error.Trim());
        Assert.False(Directory.Exists(Path.Combine(dir, "figures")));

        var reproduce = CliProcess.Run(TestPaths.RepoRoot, environment, "reproduce", "--quick", "--config", "easy-quick", "--figures", "pdf", "--out", Path.Combine(dir, "run"));
        Assert.Equal(2, reproduce.ExitCode);
        Assert.Contains("not an executable file", reproduce.Error);
        Assert.False(File.Exists(Path.Combine(dir, "run", "results.json")));
    }

    [Fact]
    public void A_browser_that_does_not_start_is_a_run_failure_with_one_message()
    {
        string dir = TestPaths.NewTempDir("bad-chromium");
        var environment = new Dictionary<string, string> { [Chromium.Variable] = "/bin/true" };   // executable, but no browser
        var figures = CliProcess.Run(TestPaths.RepoRoot, environment, "figures", "--from", quick.Folder, "--out", dir);
        Assert.Equal(1, figures.ExitCode);
        Assert.StartsWith("run failed: ", figures.Error);
        Assert.DoesNotContain("   at ", figures.Error);
    }
}
