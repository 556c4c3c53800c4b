using LowRankSparse.Experiments;
using LowRankSparse.Measurements;
using LowRankSparse.Util;

namespace LowRankSparse.Tests.Reproduce;

/// <summary><c>--resume</c> reuses completed stages, and only those produced by identical options.</summary>
[Collection(QuickReproductionCollection.Name)]
public class ResumeTests(QuickReproductionFixture quick)
{
    private static string WithoutTimings(ReproduceResults r) => Json.Serialize(r with { StageSeconds = new Dictionary<string, double>() });

    [Fact]
    public void Resuming_a_completed_run_reuses_every_stage_and_gives_identical_results()
    {
        var resumed = Reproduction.Run(quick.Options, cache: quick.CacheFor(resume: true));
        Assert.All(resumed.StageSeconds.Values, s => Assert.Equal(0, s));
        Assert.DoesNotContain(StageNames.Train, resumed.StageSeconds.Keys);   // nothing needed the trained models
        Assert.Equal(WithoutTimings(quick.Results), WithoutTimings(resumed));
    }

    [Fact]
    public void Stages_saved_under_other_options_are_not_reused()
    {
        var other = quick.Options with { Seeds = quick.Options.Seeds + 1 };
        var cache = new StageCache(Path.Combine(quick.Folder, ".stages"), resume: true, StageCache.Fingerprint(other));
        Assert.False(cache.TryLoad("pruning", out PruningSection _));
        var same = quick.CacheFor(resume: true);
        Assert.True(same.TryLoad("pruning", out PruningSection loaded));
        Assert.Equal(Json.Serialize(quick.Results.Pruning), Json.Serialize(loaded));
    }

    [Fact]
    public void Train_and_reproduce_report_identical_metrics_for_the_same_config_and_seed()
    {
        var seed0 = quick.Results.PerSeed[0];
        using var run = Training.Trainer.Train(quick.Options.Config);
        var train = TrainResults.From(run);
        Assert.Equal(Json.Serialize(train.Weights), Json.Serialize(seed0.Weights));
        Assert.Equal(train.TestAccuracy, seed0.TestAccuracy);
        Assert.Equal(train.TestLoss, seed0.TestLoss);
    }
}
