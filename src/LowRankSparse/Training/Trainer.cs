using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Model;

namespace LowRankSparse.Training;

/// <summary>
/// Mini-batch SGD on the hinge loss (docs/paper-notes.md §3), seeded, with snapshots and a per-step log. One run is
/// <see cref="BatchedTrainer"/> with S = 1, so a run trained alone and the same run trained in a batch agree bit for bit.
/// </summary>
public static class Trainer
{
    /// <summary>Generates the data of <paramref name="config"/>, builds the model and trains it.</summary>
    /// <param name="onStep">Called with the number of completed steps (for progress bars), every few steps.</param>
    public static TrainingRun Train(ExperimentConfig config, Action<int>? onStep = null, CancellationToken cancel = default) =>
        BatchedTrainer.Train(new[] { config }, onStep, cancel)[0];

    /// <summary>Trains <paramref name="model"/> in place on <paramref name="train"/>; the run takes ownership of the tensors.</summary>
    public static TrainingRun Run(ExperimentConfig config, PatternSet patterns, Dataset train, Dataset test,
        OneLayerTransformer model, Action<int>? onStep = null, CancellationToken cancel = default) =>
        BatchedTrainer.Run(new[] { new TrainingSetup(config, patterns, train, test, model) }, onStep, cancel)[0];
}
