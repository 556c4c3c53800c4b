using System.Diagnostics;
using LowRankSparse.Analysis;
using LowRankSparse.Experiments.Sections;
using LowRankSparse.Theory;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments;

/// <summary>
/// The project's main job: trains the seeds, measures every claim of docs/paper-notes.md §4, runs the sweeps and checks each claim
/// against its prediction. Each trained model is reused by every analysis (never retrained per pruning rate).
/// </summary>
public static class Reproduction
{
    public static ReproduceResults Run(ReproduceOptions options, IStageProgress? progress = null, CancellationToken cancel = default,
        StageCache? cache = null)
    {
        options.Validated();
        progress ??= IStageProgress.None;
        cache ??= StageCache.None;
        var seconds = new Dictionary<string, double>();
        IReadOnlyList<TrainingRun>? trained = null;
        int reported = 0;
        IReadOnlyList<TrainingRun> Runs() => trained ??= Stage("train seeds", options.Config.Training.Steps, seconds, progress,
            () => SeedRuns.Train(options.Config, options.Seeds, done => { progress.Advance(done - reported); reported = done; }, cancel));

        T Cached<T>(string name, int units, Func<T> work, bool needsRuns = true)
        {
            if (cache.TryLoad(name, out T saved))
            {
                seconds[name] = 0;
                return saved;
            }
            if (needsRuns) Runs();   // train first, so training time is not counted in this stage
            var value = Stage(name, units, seconds, progress, work);
            cache.Save(name, value);
            return value;
        }

        try
        {
            var perSeed = Cached("seeds", 1, () => Runs().Select(SeedResult.Of).ToList());
            var updates = Cached("low-rank updates", 1, () => UpdatesSection.Compute(Runs(), perSeed.Select(p => p.Weights).ToList()));
            var sparsity = Cached("sparse output layer", 1, () => SparsitySection.Compute(Runs()));
            var pruning = Cached("pruning", PruningSection.Curves, () => PruningSection.Compute(Runs(), options, () => progress.Advance()));
            var lowRank = Cached("low-rank adaption", LowRankSection.Units(options), () => LowRankSection.Compute(Runs(), options, () => progress.Advance(), cancel));
            var sweeps = Cached("sweeps", SweepsSection.Units(options), () => SweepsSection.Compute(options, () => progress.Advance(), cancel), needsRuns: false);
            var controls = Cached("controls", 1, () => ControlsSection.Compute(Runs(), ControlsSection.Seeds(options), cancel));
            var convergence = Convergence.Of(perSeed.Select(p => (p.TestLoss, p.TestAccuracy)));
            return new ReproduceResults
            {
                Config = options.Config,
                Quick = options.Quick,
                Seeds = options.Seeds,
                PerSeed = perSeed,
                Updates = updates,
                Sparsity = sparsity,
                Pruning = pruning,
                LowRank = lowRank,
                Sweeps = sweeps,
                Controls = controls,
                Verdicts = Claims.CheckAll(new ClaimInputs(options.Config.Data, convergence, updates, sparsity, pruning, lowRank, sweeps, controls)),
                StageSeconds = seconds,
                Run = RunInfo.Current(options.Config.Training.Seed),
            };
        }
        finally
        {
            foreach (var run in trained ?? Array.Empty<TrainingRun>()) run.Dispose();
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
