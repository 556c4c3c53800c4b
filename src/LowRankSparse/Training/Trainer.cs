using System.Diagnostics;
using LowRankSparse.Data;
using LowRankSparse.Model;
using LowRankSparse.Util;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// Mini-batch SGD on the hinge loss (docs/paper-notes.md §3), seeded, with snapshots and a per-step log. The training is
/// <see cref="Loop"/>, written as TorchSharp code reads:
/// <code>
/// var optimizer = optim.SGD(parameters, η);
/// for each step:  optimizer.zero_grad();  var loss = Network.HingeLoss(model.forward(X), y);  loss.backward();  optimizer.step();
/// </code>
/// with the one formula of <see cref="Network"/>. For plain SGD (the paper's optimizer and the default), <see cref="Train(ExperimentConfig, Action{int}?, CancellationToken)"/>
/// runs the same training on the fused stacked path instead (<see cref="BatchedTrainer"/>: forward and backward by hand, many
/// seeds at once, steps with a zero gradient skipped), which is exact only for plain SGD and which the tests hold to
/// <see cref="Readable(ExperimentConfig, Sgd?, Action{int}?, CancellationToken)"/> within 1e-5 on every weight.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// The training loop, shared by full training and LoRA: <paramref name="steps"/> steps of <paramref name="optimizer"/> on
    /// <paramref name="parameters"/>, each on the mini-batch of <paramref name="batches"/> [T, B] (row indices of
    /// <paramref name="train"/>), with <paramref name="forward"/> giving F(X) [B]. <paramref name="afterStep"/> sees the step
    /// (from 0), F(X), y and the batch's mean hinge loss (before the step's update), inside the step's dispose scope.
    /// </summary>
    public static void Loop(IReadOnlyList<Parameter> parameters, Func<Tensor, Tensor> forward, Dataset train, Tensor batches, int steps,
        double learningRate, Sgd optimizer, CancellationToken cancel = default, Action<int, Tensor, Tensor, Tensor>? afterStep = null)
    {
        using var sgd = optimizer.Create(parameters, learningRate);
        for (int step = 0; step < steps; step++)
        {
            AmbientCancellation.ThrowIfCancellationRequested(cancel);
            using var scope = NewDisposeScope();
            var (x, y) = (train.X.index_select(0, batches[step]), train.Y.index_select(0, batches[step]));  // X [B, L, d], y [B]
            sgd.zero_grad();
            var output = forward(x);                        // F(X) [B]
            var loss = Network.HingeLoss(output, y);        // mean max(0, 1 − y·F(X))
            loss.backward();
            sgd.step();                                     // plain SGD: W −= η·∂loss/∂W
            afterStep?.Invoke(step, output, y, loss);
        }
    }

    /// <summary>The readable path for any optimizer: <see cref="Loop"/> on the data and initial model of <paramref name="config"/>.
    /// Slower than the fused path (autograd, one step at a time); what the fused path is tested against.</summary>
    public static TrainingRun Readable(ExperimentConfig config, Sgd? optimizer = null, Action<int>? onStep = null, CancellationToken cancel = default)
    {
        var setup = TrainingSetup.Create(config);
        try
        {
            return Readable(setup, optimizer ?? Sgd.Plain, onStep, cancel);
        }
        catch
        {
            setup.Dispose();
            throw;
        }
    }

    /// <summary>Trains the setup's model in place with <see cref="Loop"/>; the run takes ownership of the setup's tensors.</summary>
    public static TrainingRun Readable(TrainingSetup setup, Sgd optimizer, Action<int>? onStep = null, CancellationToken cancel = default)
    {
        var (config, model) = (setup.Config, setup.Model);
        var t = config.Training;
        using var threads = TorchThreads.Use(ThreadsPerOp);
        using var batches = BatchSchedule.Indices(config.Data.TrainSamples, t.BatchSize, t.Steps, config.BatchSeed, cancel);
        var trained = t.FreezeQk ? new[] { model.WV, model.WO } : new[] { model.WQ, model.WK, model.WV, model.WO };
        var frozen = t.FreezeQk ? new[] { model.WQ, model.WK } : [];      // the control keeps W_Q, W_K at W(0)
        var snapshotAt = new HashSet<int>(t.SnapshotSteps());
        var snapshots = new List<Snapshot> { new(0, Weights.Of(model)) };
        var (loss, accuracy) = (new float[t.Steps], new float[t.Steps]);
        int progressEvery = Math.Max(1, t.Steps / 100);
        var clock = Stopwatch.StartNew();
        foreach (var w in frozen) w.requires_grad_(false);
        try
        {
            Loop(trained, model.forward, setup.Train, batches, t.Steps, t.LearningRate, optimizer, cancel, (step, output, y, batchLoss) =>
            {
                loss[step] = batchLoss.item<float>();
                if (!float.IsFinite(loss[step])) throw new DivergenceException(step + 1, loss[step], t.LearningRate);
                accuracy[step] = (output * y).gt(Scalars.Zero).to(ScalarType.Float32).mean().item<float>();
                int done = step + 1;
                if (snapshotAt.Contains(done)) snapshots.Add(new Snapshot(done, Weights.Of(model)));
                if (onStep is not null && (done % progressEvery == 0 || done == t.Steps)) onStep(done);
            });
        }
        finally
        {
            foreach (var w in frozen) w.requires_grad_(true);
        }
        clock.Stop();
        return new TrainingRun
        {
            Config = config,
            Patterns = setup.Patterns,
            Train = setup.Train,
            Test = setup.Test,
            Model = model,
            Snapshots = snapshots,
            Loss = loss,
            BatchAccuracy = accuracy,
            TrainSeconds = clock.Elapsed.TotalSeconds,
            ComputedStepSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Generates the data of <paramref name="config"/>, builds the model and trains it with plain SGD.</summary>
    /// <param name="onStep">Called with the number of completed steps (for progress bars), every few steps.</param>
    public static TrainingRun Train(ExperimentConfig config, Action<int>? onStep = null, CancellationToken cancel = default) =>
        Train(config, Sgd.Plain, onStep, cancel);

    /// <summary>As <see cref="Train(ExperimentConfig, Action{int}?, CancellationToken)"/> with <paramref name="optimizer"/>: the fused
    /// path where it is exact (<see cref="Sgd.IsPlain"/>), else <see cref="Readable(ExperimentConfig, Sgd?, Action{int}?, CancellationToken)"/>.</summary>
    public static TrainingRun Train(ExperimentConfig config, Sgd optimizer, Action<int>? onStep = null, CancellationToken cancel = default) =>
        optimizer.IsPlain ? BatchedTrainer.Train(new[] { config }, onStep, cancel)[0] : Readable(config, optimizer, onStep, cancel);

    /// <summary>Trains <paramref name="model"/> in place on <paramref name="train"/> with plain SGD; the run takes ownership of the tensors.</summary>
    public static TrainingRun Run(ExperimentConfig config, PatternSet patterns, Dataset train, Dataset test,
        OneLayerTransformer model, Action<int>? onStep = null, CancellationToken cancel = default) =>
        BatchedTrainer.Run(new[] { new TrainingSetup(config, patterns, train, test, model) }, onStep, cancel)[0];

    /// <summary>libtorch threads per op while training: one, on both paths (why: <see cref="BatchedTrainer.ThreadsPerOp"/>).</summary>
    public const int ThreadsPerOp = BatchedTrainer.ThreadsPerOp;

    /// <summary>Worker threads the fused path trains <paramref name="runs"/> stacked runs on (<see cref="BatchedTrainer.WorkersFor"/>).</summary>
    public static int WorkersFor(int runs) => BatchedTrainer.WorkersFor(runs);
}
