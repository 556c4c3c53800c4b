using System.Diagnostics;
using LowRankSparse.Analysis;
using LowRankSparse.Experiments.Sections;
using LowRankSparse.Theory;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments;

/// <summary>
/// The project's main job: trains the seeds, measures every claim of paper-spec §4, runs the sweeps and checks each claim
/// against its prediction. Each trained model is reused by every analysis (never retrained per pruning rate).
/// </summary>
public static class Reproduction
{
    public static ReproduceResults Run(ReproduceOptions options, IStageProgress? progress = null, CancellationToken cancel = default)
    {
        options.Validated();
        progress ??= IStageProgress.None;
        var seconds = new Dictionary<string, double>();
        var runs = Stage("train seeds", options.Seeds, seconds, progress,
            () => SeedRuns.Train(options.Config, options.Seeds, () => progress.Advance(), cancel));
        try
        {
            var metrics = runs.Select(r => UpdateAnalysis.Analyze(r.Initial, r.Final, r.Patterns)).ToList();
            var updates = Stage("low-rank updates", 1, seconds, progress, () => UpdatesSection.Compute(runs, metrics));
            var sparsity = Stage("sparse output layer", 1, seconds, progress, () => SparsitySection.Compute(runs));
            var pruning = Stage("pruning", PruningSection.Curves, seconds, progress, () => PruningSection.Compute(runs, options, () => progress.Advance()));
            var lowRank = Stage("low-rank adaption", LowRankSection.Units(options), seconds, progress,
                () => LowRankSection.Compute(runs, options, () => progress.Advance(), cancel));
            var sweeps = Stage("sweeps", SweepsSection.Units(options), seconds, progress, () => SweepsSection.Compute(options, () => progress.Advance(), cancel));
            var tests = runs.Select(r => r.EvaluateTest()).ToList();
            return new ReproduceResults
            {
                Config = options.Config,
                Quick = options.Quick,
                Seeds = options.Seeds,
                TestAccuracy = tests.Select(t => t.Accuracy).ToArray(),
                TestLoss = tests.Select(t => t.HingeLoss).ToArray(),
                Updates = updates,
                Sparsity = sparsity,
                Pruning = pruning,
                LowRank = lowRank,
                Sweeps = sweeps,
                Verdicts = Claims.Check(options.Config.Data, updates, sparsity, pruning, lowRank, sweeps),
                StageSeconds = seconds,
                Run = RunInfo.Current(options.Config.Training.Seed),
            };
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }
    }

    private static T Stage<T>(string name, int units, Dictionary<string, double> seconds, IStageProgress progress, Func<T> work)
    {
        progress.Begin(name, units);
        var clock = Stopwatch.StartNew();
        var result = work();
        seconds[name] = clock.Elapsed.TotalSeconds;
        progress.End();
        return result;
    }
}
