using System.Diagnostics;
using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Data.Images;
using LowRankSparse.Measurements;
using LowRankSparse.Model;
using LowRankSparse.Training;
using LowRankSparse.Util;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Experiments.RealData;

/// <summary>
/// Issue #16: the same one-layer transformer, trainer and analyses on a real binary image task (two Fashion-MNIST classes), beside
/// two control runs on the same images (shuffled training labels; saturated initial attention), two linear baselines and the same
/// signatures on the synthetic data model; then the verdicts (<see cref="RealDataClaims"/>).
/// </summary>
public static class RealDataExperiment
{
    private static T Stage<T>(string name, int units, Dictionary<string, double> seconds, IStageProgress progress, Func<T> work) =>
        StageClock.Run(name, name, units, seconds, progress, work);

    public static RealDataResults Run(RealDataOptions options, IStageProgress? progress = null, CancellationToken cancel = default)
    {
        options.Validated();
        progress ??= IStageProgress.None;
        var seconds = new Dictionary<string, double>();
        using var task = Stage("load Fashion-MNIST", 1, seconds, progress, () => ImageTask.Load(options.Data));
        var span = Rows(task.Span.Directions);

        var config = options.ToExperimentConfig();
        var saturatedConfig = options.ToExperimentConfig(options.SaturatedScale);
        var setups = new List<TrainingSetup>();
        IReadOnlyList<TrainingRun> runs = Array.Empty<TrainingRun>();
        try
        {
            setups.Add(Setup(config, task.Patterns, Copy(task.Train), Copy(task.Test)));
            setups.Add(Setup(config, task.Patterns, task.ShuffledTrain(config.DataSeed), Copy(task.Test)));
            setups.Add(Setup(saturatedConfig, task.Patterns, Copy(task.Train), Copy(task.Test)));
            int reported = 0;
            runs = Stage($"train ({setups.Count} runs × {options.Training.Steps} steps)", options.Training.Steps, seconds, progress,
                () => BatchedTrainer.Run(setups, done => { progress.Advance(done - reported); reported = done; }, cancel));
            setups.Clear();   // the runs own the tensors now

            var real = Stage("signatures", 1, seconds, progress, () => Signatures.Of(runs[0], span, full: true));
            var shuffled = new RealControl("shuffled training labels (within each class a seeded random half labelled +1)", Signatures.Of(runs[1], span, full: false));
            var saturated = new RealControl($"saturated initial attention (W_Q = W_K = {options.SaturatedScale}·I)", Signatures.Of(runs[2], span, full: false));
            var linear = Stage("linear baselines", 2, seconds, progress, () => new[] { LinearBaseline.Features.MeanPooled, LinearBaseline.Features.Flattened }
                .Select(f => { var r = LinearBaseline.Fit(task.Train, task.Test, f); progress.Advance(); return r; }).ToList());
            string syntheticName = options.Quick ? "quick" : "default";
            var synthetic = Stage($"synthetic reference ({syntheticName})", 1, seconds, progress, () => Synthetic(syntheticName, options.Training.Seed, cancel));
            var spanInfo = new SpanInfo(span.Count, task.Span.SingularValues, task.Span.EnergyOfTop(span.Count));
            return new RealDataResults
            {
                Options = options,
                ClassNames = options.Data.Classes.Select(c => FashionMnist.ClassNames[c]).ToArray(),
                TrainSamples = task.Train.Count,
                TestSamples = task.Test.Count,
                Tokens = options.Data.Tokens,
                Dim = options.Data.Dim,
                Span = spanInfo,
                Real = real,
                Shuffled = shuffled,
                Saturated = saturated,
                Linear = linear,
                Synthetic = synthetic,
                SyntheticConfig = syntheticName,
                Verdicts = RealDataClaims.CheckAll(real, shuffled, saturated, linear, spanInfo),
                StageSeconds = seconds,
                Run = RunInfo.Current(options.Training.Seed),
            };
        }
        finally
        {
            foreach (var s in setups) s.Dispose();
            foreach (var r in runs) r.Dispose();
        }
    }

    private static Signatures Synthetic(string name, int seed, CancellationToken cancel)
    {
        var config = ConfigFiles.Load(name, $"training.seed={seed}", "training.snapshot_every=0");
        using var run = Trainer.Train(config, cancel: cancel);
        return Signatures.Of(run, run.Patterns.LabelRelevant.Select(run.Patterns.Pattern).ToList(), full: true);
    }

    private static TrainingSetup Setup(ExperimentConfig config, PatternSet patterns, Dataset train, Dataset test) =>
        new(config, patterns, train, test, OneLayerTransformer.Create(config.Model, config.Data.Dim, config.InitSeed));

    private static Dataset Copy(Dataset d) => new(d.X.clone(), d.Y.clone(), d.PatternIndex, d.Labels);

    private static List<double[]> Rows(double[,] m) => Enumerable.Range(0, m.GetLength(0)).Select(i => Matrices.Row(m, i)).ToList();
}
