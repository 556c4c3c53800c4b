using LowRankSparse.Phase;
using LowRankSparse.Report;
using LowRankSparse.Tests.Cli;
using LowRankSparse.Tests.Hosts;

namespace LowRankSparse.Tests.StaticFigures;

/// <summary><c>phase --figures</c> writes every heatmap of the grid as a static file beside its CSV, in OUT/publication.</summary>
public class PhaseExportTests
{
    [ChromiumFact]
    public void Phase_figures_writes_every_heatmap_of_the_grid()
    {
        string dir = Path.Combine(TestPaths.NewTempDir("phase-figures"), "out");
        var run = CliRunner.Run("phase", "--config", "quick", "--x", "qk_init_scale", "--x-range", "0.5,2", "--y", "learning_rate", "--y-range", "0.5",
            "--seeds", "1", "--set", "training.steps=60", "--figures", "svg", "--out", dir);
        Assert.True(run.ExitCode == 0, run.Err);
        var files = Directory.GetFiles(Path.Combine(dir, ReportFiles.Publication)).Select(Path.GetFileName).ToList();
        Assert.Equal(PhaseMetric.All.Count, files.Count(f => f!.EndsWith(".svg", StringComparison.Ordinal)));
        Assert.Equal(PhaseMetric.All.Count, files.Count(f => f!.EndsWith(".csv", StringComparison.Ordinal)));
        foreach (var svg in files.Where(f => f!.EndsWith(".svg", StringComparison.Ordinal)))
        {
            string text = File.ReadAllText(Path.Combine(dir, ReportFiles.Publication, svg!));
            Assert.Contains("class=\"heatmaplayer", text);                         // the heatmap itself, not an empty frame
            Assert.DoesNotContain("NaN", Ink.WithoutDataUris(text));
        }
    }

    [Fact]
    public void A_bad_format_stops_before_any_work()
    {
        string dir = Path.Combine(TestPaths.NewTempDir("phase-figures"), "out");
        var run = CliRunner.Run("phase", "--figures", "bmp", "--out", dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--figures", run.Err);
        Assert.False(Directory.Exists(dir));
    }
}
