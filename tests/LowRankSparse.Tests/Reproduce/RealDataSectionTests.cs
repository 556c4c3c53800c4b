using LowRankSparse.Config;
using LowRankSparse.Data.Images;
using LowRankSparse.Experiments;
using LowRankSparse.Report;

namespace LowRankSparse.Tests.Reproduce;

/// <summary>Issue #16: <c>reproduce</c> adds the real-data section when Fashion-MNIST is installed and says how to install it when not.</summary>
[Collection(QuickReproductionCollection.Name)]
public class RealDataSectionTests(QuickReproductionFixture quick)
{
    [Fact]
    public void The_quick_reproduction_has_the_real_data_section_or_the_install_note()
    {
        var r = quick.Results;
        string html = File.ReadAllText(Path.Combine(quick.Folder, "report.html"));
        Assert.Contains("Beyond synthetic data: Fashion-MNIST", html);
        Assert.DoesNotContain(r.Verdicts, v => v.Id.StartsWith("real_"));   // the synthetic verdicts stay apart
        if (FashionMnist.IsInstalled() || Environment.GetEnvironmentVariable("CI") == "true")
        {
            var d = Assert.IsType<Experiments.RealData.RealDataResults>(r.RealData);
            Assert.Null(r.RealDataNote);
            Assert.True(d.Options.Quick);
            Assert.Equal([0, 1], d.Options.Data.Classes);
            Assert.NotEmpty(d.Verdicts);
            Assert.Equal(2, d.Linear.Count);
            Assert.Contains(StageNames.RealData, r.StageSeconds.Keys);
            Assert.Contains(d.Verdicts[0].Claim, System.Net.WebUtility.HtmlDecode(html));
        }
        else
        {
            Assert.Null(r.RealData);
            Assert.Contains(FashionMnist.InstallCommand, r.RealDataNote);
        }
    }

    [Fact]
    public void Without_the_dataset_the_run_succeeds_and_says_how_to_install_it()
    {
        var missing = Path.Combine(TestPaths.NewTempDir("no-fashion-mnist"), "absent");
        // the smallest grids: only the real-data stage's absence is under test
        var options = ReproduceOptions.QuickFor(ConfigLoader.Load(TestPaths.EasyQuickConfig)) with
        {
            Seeds = 2, RandomMasks = 1, Rates = [0.0, 0.5], LabelRelevantCounts = [2], NoiseLevels = [0.0], PatternCounts = [8], Ranks = [1],
            RealDataDir = missing,
        };
        var r = Reproduction.Run(options);
        Assert.Null(r.RealData);
        Assert.Equal($"Fashion-MNIST not installed (no IDX files in {missing}): `apt-get install dataset-fashion-mnist` (Debian) adds the real-data section",
            r.RealDataNote);
        Assert.DoesNotContain(StageNames.RealData, r.StageSeconds.Keys);
        Assert.Contains("apt-get install dataset-fashion-mnist", HtmlReport.RealDataSection(r));
    }
}
