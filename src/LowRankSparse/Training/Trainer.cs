using System.Diagnostics;
using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Model;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>Mini-batch SGD on the hinge loss (paper-spec §3), seeded, with snapshots and a per-step log.</summary>
public static class Trainer
{
    private const int DivergenceCheckEvery = 50;

    /// <summary>Generates the data of <paramref name="config"/>, builds the model and trains it.</summary>
    /// <param name="onStep">Called with the number of completed steps (for progress bars), every few steps.</param>
    public static TrainingRun Train(ExperimentConfig config, Action<int>? onStep = null, CancellationToken cancel = default)
    {
        config.Validated();
        var patterns = PatternSet.Create(config.Data, config.DataSeed);
        var train = DataGenerator.Generate(config.Data, patterns, config.Data.TrainSamples, config.DataSeed);
        var test = DataGenerator.Generate(config.Data, patterns, config.Data.TestSamples, config.TestSeed);
        var model = OneLayerTransformer.Create(config.Model, config.Data.Dim, config.InitSeed);
        try
        {
            return Run(config, patterns, train, test, model, onStep, cancel);
        }
        catch
        {
            model.Dispose();
            train.Dispose();
            test.Dispose();
            throw;
        }
    }

    /// <summary>Trains <paramref name="model"/> in place on <paramref name="train"/>; the run takes ownership of the tensors.</summary>
    public static TrainingRun Run(ExperimentConfig config, PatternSet patterns, Dataset train, Dataset test,
        OneLayerTransformer model, Action<int>? onStep = null, CancellationToken cancel = default)
    {
        var t = config.Training;
        var snapshotAt = new HashSet<int>(t.SnapshotSteps());
        var snapshots = new List<Snapshot>();
        var parameters = model.parameters().ToArray();
        using var batchIndices = BatchSchedule.Indices(config.Data.TrainSamples, t.BatchSize, t.Steps, config.BatchSeed);
        using var lossLog = zeros(Math.Max(t.Steps, 1));
        using var accuracyLog = zeros(Math.Max(t.Steps, 1));
        int progressEvery = Math.Max(1, t.Steps / 100);

        snapshots.Add(new Snapshot(0, Weights.Of(model)));
        var clock = Stopwatch.StartNew();
        for (int step = 0; step < t.Steps; step++)
        {
            cancel.ThrowIfCancellationRequested();
            using (var scope = NewDisposeScope())
            {
                var index = batchIndices[step];
                var xb = train.X.index_select(0, index);
                var yb = train.Y.index_select(0, index);
                var output = model.forward(xb);
                var loss = Network.HingeLoss(output, yb);
                foreach (var p in parameters) p.grad = null;
                loss.backward();
                using (no_grad())
                {
                    foreach (var p in parameters) p.add_(p.grad!, alpha: -t.LearningRate);
                    lossLog[step] = loss;
                    accuracyLog[step] = (output * yb > 0).to(ScalarType.Float32).mean();
                }
            }
            int done = step + 1;
            if (done % DivergenceCheckEvery == 0 || done == t.Steps) CheckFinite(lossLog, done, t.LearningRate);
            if (snapshotAt.Contains(done)) snapshots.Add(new Snapshot(done, Weights.Of(model)));
            if (onStep is not null && (done % progressEvery == 0 || done == t.Steps)) onStep(done);
        }
        clock.Stop();

        return new TrainingRun
        {
            Config = config,
            Patterns = patterns,
            Train = train,
            Test = test,
            Model = model,
            Snapshots = snapshots,
            Loss = t.Steps == 0 ? Array.Empty<float>() : lossLog.data<float>().ToArray(),
            BatchAccuracy = t.Steps == 0 ? Array.Empty<float>() : accuracyLog.data<float>().ToArray(),
            TrainSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static void CheckFinite(Tensor lossLog, int done, double learningRate)
    {
        using var scope = NewDisposeScope();
        var head = lossLog.narrow(0, 0, done);
        if (isfinite(head).all().item<bool>()) return;
        float[] values = head.data<float>().ToArray();
        int first = Array.FindIndex(values, v => !float.IsFinite(v));
        throw new DivergenceException(first + 1, values[first], learningRate);
    }
}
