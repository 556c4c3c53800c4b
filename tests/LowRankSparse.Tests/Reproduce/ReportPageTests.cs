using LowRankSparse.Figures;
using LowRankSparse.Phase;
using LowRankSparse.Report;
using LowRankSparse.Tests.Hosts;
using LowRankSparse.Verdicts;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Reproduce;

/// <summary>
/// The quick reproduction's pages as a user sees them in headless Chromium: report.html draws every figure (the phase heatmap too),
/// each phase grid's own page draws all its heatmaps; and the phase section says what was measured.
/// </summary>
[Collection(QuickReproductionCollection.Name)]
public class ReportPageTests(QuickReproductionFixture quick, ITestOutputHelper output)
{
    [BrowserFact]
    public void The_report_draws_every_figure_and_every_phase_heatmap()
    {
        var page = RenderedPage.Open(Path.Combine(quick.Folder, "report.html"));
        int figures = ReportFigures.All(quick.Results).Count;
        output.WriteLine($"report.html: {figures} figures, {page.ChartScripts} chart scripts, {page.DrawnCharts} drawn, {page.NanAttributes.Count} NaN attributes");
        Assert.True(page.ChartScripts >= figures, $"{page.ChartScripts} chart scripts for {figures} figures");
        Assert.Equal(page.ChartScripts, page.DrawnCharts);
        Assert.Empty(page.NanAttributes);
        foreach (var g in quick.Results.Phase)
            Assert.NotNull(page.Dom.QuerySelector($"section#{PhaseFigures.Id(g, ReportFigures.PhaseShown)} svg.main-svg"));
    }

    [BrowserFact]
    public void Each_phase_grid_page_draws_all_its_heatmaps()
    {
        Assert.NotEmpty(quick.Results.Phase);
        foreach (var g in quick.Results.Phase)
        {
            var page = RenderedPage.Open(Path.Combine(quick.Folder, PhaseFiles.FolderOf(g), "phase.html"));
            output.WriteLine($"{PhaseFiles.FolderOf(g)}/phase.html: {page.DrawnCharts} drawn of {page.ChartScripts}");
            Assert.Equal(PhaseMetric.All.Count, page.DrawnCharts);
            Assert.Empty(page.NanAttributes);
        }
    }

    [Fact]
    public void The_quick_grid_keeps_every_cell_and_finds_the_saturation_boundary()
    {
        var g = Assert.Single(quick.Results.Phase);
        Assert.Equal(g.XValues.Count * g.YValues.Count, g.Cells.Count);
        Assert.True(File.Exists(Path.Combine(quick.Folder, PhaseFiles.FolderOf(g), "cells.csv")));
        Assert.Equal(g.Cells.Count + 1, File.ReadAllLines(Path.Combine(quick.Folder, PhaseFiles.FolderOf(g), "cells.csv")).Length);
        // δ = 0.25 at η = 0.5 is inside the conditions and holds low rank; δ = 2 > δ_sat = 1.745 is outside and fails it
        var inside = g.Cells.Single(c => c.X == 0.25 && c.Y == 0.5);
        var outside = g.Cells.Single(c => c.X == 2 && c.Y == 0.5);
        Assert.True(inside.InsideConditions && !outside.InsideConditions);
        Assert.Equal(VerdictStatus.Holds, inside.Verdict(PhaseClaims.LowRank).Status);
        Assert.Equal(VerdictStatus.Fails, outside.Verdict(PhaseClaims.LowRank).Status);
        string html = File.ReadAllText(Path.Combine(quick.Folder, "report.html"));
        Assert.Contains("id=\"phase-diagrams\"", html);
        Assert.Contains($"href=\"{PhaseFiles.FolderOf(g).Replace('\\', '/')}/phase.html\"", html);
    }
}
