using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Report;

namespace LowRankSparse.Tests.Reproduce;

/// <summary>One quick reproduction (data/configs/quick.json, small grids), written to a temp folder, shared by a test class.</summary>
public sealed class QuickReproductionFixture
{
    public QuickReproductionFixture()
    {
        Options = ReproduceOptions.QuickFor(ConfigLoader.Load(TestPaths.EasyQuickConfig));
        Folder = TestPaths.NewTempDir("reproduce");
        Results = Reproduction.Run(Options, cache: CacheFor(resume: false));
        ReportFiles.Write(Folder, Results);
    }

    public StageCache CacheFor(bool resume) => new(Path.Combine(Folder, ".stages"), resume, StageCache.Fingerprint(Options));

    public ReproduceOptions Options { get; }
    public ReproduceResults Results { get; }
    public string Folder { get; }
}

/// <summary>The test classes that share one quick reproduction.</summary>
[CollectionDefinition(Name)]
public sealed class QuickReproductionCollection : ICollectionFixture<QuickReproductionFixture>
{
    public const string Name = "quick reproduction";
}
