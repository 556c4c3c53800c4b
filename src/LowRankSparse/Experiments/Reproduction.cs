using System.Diagnostics;
using LowRankSparse.Analysis;
using LowRankSparse.Data.Images;
using LowRankSparse.Experiments.RealData;
using LowRankSparse.Measurements;
using LowRankSparse.Phase;
using LowRankSparse.Theory;
using LowRankSparse.Training;
using LowRankSparse.Verdicts;

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
        int n = options.Seeds, steps = options.Config.Training.Steps;
        IReadOnlyList<TrainingRun> Runs() => trained ??= StageClock.Run(StageNames.Train, $"train {n} seeds × {steps} steps", steps, seconds, progress,
            () => SeedRuns.Train(options.Config, n, done => { progress.Advance(done - reported); reported = done; }, cancel));

        T Cached<T>(string name, string label, int units, Func<T> work, bool needsRuns = true)
        {
            if (cache.TryLoad(name, out T saved))
            {
                seconds[name] = 0;
                return saved;
            }
            if (needsRuns) Runs();   // train first, so training time is not counted in this stage
            var value = StageClock.Run(name, label, units, seconds, progress, work);
            cache.Save(name, value);
            return value;
        }

        void Advance() => progress.Advance();
        try
        {
            // every stage runs one libtorch thread per op, its independent items side by side (ParallelWork)
            var perSeed = Cached(StageNames.PerSeed, $"test and analyse each of {n} seeds", n,
                () => ParallelWork.Map(Runs(), SeedResult.Of, Advance, cancel).ToList());
            var updates = Cached(StageNames.Updates, $"low-rank updates: spectra and attention at {options.Config.Training.SnapshotSteps().Count} snapshots × {n} seeds", n,
                () => UpdatesSection.Compute(Runs(), perSeed.Select(p => p.Weights).ToList(), onItemDone: Advance, cancel: cancel,
                    energyRanks: Predictions.GapRanks(options.Config.Data)));
            var sparsity = Cached(StageNames.Sparsity, "sparse output layer: lucky neurons", 1, () => SparsitySection.Compute(Runs()));
            var pruning = Cached(StageNames.Pruning, $"pruning: {PruningSection.Curves} curves × {options.Rates.Count} rates × {n} seeds", PruningSection.Curves,
                () => PruningSection.Compute(Runs(), options, Advance, cancel));
            var lowRank = Cached(StageNames.LowRank, $"low-rank adaption: truncation and LoRA at ranks {string.Join(", ", options.Ranks)}", LowRankSection.Units(options),
                () => LowRankSection.Compute(Runs(), options, Advance, cancel));
            var sweeps = Cached(StageNames.Sweeps, $"sweeps: train and measure {SweepsSection.Units(options)} models", SweepsSection.Units(options),
                () => SweepsSection.Compute(options, Advance, cancel), needsRuns: false);
            var controls = Cached(StageNames.Controls, $"controls: train and measure {ControlsSection.Runs(ControlsSection.Seeds(options))} runs of saturated and near-uniform attention and shuffled labels", 1,
                () => ControlsSection.Compute(Runs(), ControlsSection.Seeds(options), cancel));
            int frozenSeeds = AttentionMattersSection.Seeds(n);
            var attentionMatters = Cached(StageNames.AttentionMatters, $"does attention matter: train {frozenSeeds} seeds with W_Q, W_K frozen at W(0)", steps, () =>
            {
                int seen = 0;
                var frozen = SeedRuns.Train(AttentionMattersSection.FrozenQk(options.Config), frozenSeeds, done => { progress.Advance(done - seen); seen = done; }, cancel);
                try { return AttentionMattersSection.Compute(Runs().Take(frozenSeeds).ToList(), frozen, Predictions.UniformAttentionMass(options.Config.Data)); }
                finally { foreach (var run in frozen) run.Dispose(); }
            });
            var conditions = TheoryCondition.Of(options.Config);
            string? realDataNote = RealDataNote(options);
            var realData = realDataNote is not null ? null : Cached(StageNames.RealData, RealDataLabel(options), 1,
                () => { var r = RealDataExperiment.Run(RealDataOptionsFor(options), cancel: cancel); Advance(); return r; }, needsRuns: false);
            var phase = options.PhaseGrids.Count == 0 ? [] : Cached(StageNames.Phase, PhaseLabel(options), options.PhaseGrids.Sum(g => g.XValues.Count * g.YValues.Count),
                () => options.PhaseGrids.Select(g =>
                {
                    int seen = 0;   // the runner reports cells done so far, one call at a time
                    return PhaseRunner.Run(g.On(options.Config), (done, _) => { progress.Advance(done - seen); seen = done; }, cancel);
                }).ToList(), needsRuns: false);
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
                AttentionMatters = attentionMatters,
                TheoryConditions = conditions,
                Verdicts = Claims.CheckAll(new ClaimInputs(options.Config.Data, convergence, updates, sparsity, pruning, lowRank, sweeps, controls,
                    attentionMatters, conditions)),
                RealData = realData,
                RealDataNote = realDataNote,
                Phase = phase,
                StageSeconds = seconds,
                Run = RunInfo.Current(options.Config.Training.Seed),
            };
        }
        finally
        {
            foreach (var run in trained ?? Array.Empty<TrainingRun>()) run.Dispose();
        }
    }

    /// <summary>The real-data experiment reproduce runs: the quick options in quick mode, else the defaults (classes 0, 1).</summary>
    public static RealDataOptions RealDataOptionsFor(ReproduceOptions options)
    {
        var data = new RealDataConfig { DataDir = options.RealDataDir };
        return options.Quick ? RealDataOptions.QuickOptions(data) : new RealDataOptions { Data = data };
    }

    /// <summary>Why the real-data section is left out (null: it is run): switched off, or Fashion-MNIST not installed (with how to install it).</summary>
    public static string? RealDataNote(ReproduceOptions options) =>
        !options.RealData ? "real-data section switched off (ReproduceOptions.RealData = false)"
        : FashionMnist.IsInstalled(options.RealDataDir) ? null
        : $"Fashion-MNIST not installed (no IDX files in {options.RealDataDir}): `{FashionMnist.InstallCommand}` (Debian) adds the real-data section";

    private static string PhaseLabel(ReproduceOptions options) =>
        $"phase diagrams: {options.PhaseGrids.Count} grid{(options.PhaseGrids.Count == 1 ? "" : "s")} " +
        $"({string.Join(", ", options.PhaseGrids.Select(g => $"{PhaseAxis.Named(g.X).Symbol} × {PhaseAxis.Named(g.Y).Symbol}"))}), " +
        $"{options.PhaseGrids.Sum(g => g.XValues.Count * g.YValues.Count * g.Seeds)} runs";

    private static string RealDataLabel(ReproduceOptions options)
    {
        var o = RealDataOptionsFor(options);
        return $"real data: Fashion-MNIST {o.Data.Classes[0]} vs {o.Data.Classes[1]}, 3 runs × {o.Training.Steps} steps, linear baselines, synthetic reference";
    }
}
