using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Report;

namespace LowRankSparse.Tests.Reproduce;

/// <summary>One quick reproduction (data/configs/quick.json, small grids), written to a temp folder, shared by a test class.</summary>
public sealed class QuickReproductionFixture
{
    public QuickReproductionFixture()
    {
        Options = ReproduceOptions.QuickFor(ConfigLoader.Load(TestPaths.QuickConfig));
        Results = Reproduction.Run(Options);
        Folder = TestPaths.NewTempDir("reproduce");
        ReportFiles.Write(Folder, Results);
    }

    public ReproduceOptions Options { get; }
    public ReproduceResults Results { get; }
    public string Folder { get; }
}
