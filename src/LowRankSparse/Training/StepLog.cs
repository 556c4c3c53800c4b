using LowRankSparse.Model;
using LowRankSparse.Util;
using TorchSharp;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The per-step log of S runs, derived from the recorded outputs F(X) [T, S, B] and labels [T, S, B] after the fact (vectorised,
/// so the training step itself never talks to the host): mean hinge loss and 0-1 accuracy of each mini-batch.
/// </summary>
internal sealed record StepLog(float[][] Loss, float[][] Accuracy)
{
    public static StepLog Of(Tensor outputs, Tensor labels, int steps)
    {
        int runs = (int)outputs.shape[1];
        if (steps == 0) return new StepLog(Empty(runs), Empty(runs));
        using var scope = NewDisposeScope();
        var o = outputs.narrow(0, 0, steps);
        var y = labels.narrow(0, 0, steps);
        var loss = Network.HingeLoss(o, y);                                  // [T, S]
        var accuracy = (o * y).gt(Scalars.Zero).to(ScalarType.Float32).mean(new long[] { -1 });
        return new StepLog(PerRun(loss), PerRun(accuracy));
    }

    /// <summary>Throws <see cref="DivergenceException"/> at the first step in [<paramref name="from"/>, <paramref name="done"/>) whose loss is not finite.</summary>
    public static void CheckFinite(Tensor outputs, Tensor labels, int from, int done, IReadOnlyList<TrainingSetup> runs)
    {
        using var scope = NewDisposeScope();
        var loss = Network.HingeLoss(outputs.narrow(0, from, done - from), labels.narrow(0, from, done - from));
        if (isfinite(loss).all().item<bool>()) return;
        float[] values = loss.data<float>().ToArray();                       // [steps, S] row-major
        int first = Array.FindIndex(values, v => !float.IsFinite(v));
        int step = from + first / runs.Count, run = first % runs.Count;
        throw new DivergenceException(step + 1, values[first], runs[run].Config.Training.LearningRate);
    }

    private static float[][] PerRun(Tensor perStep) =>
        Enumerable.Range(0, (int)perStep.shape[1]).Select(s => perStep.select(1, s).contiguous().data<float>().ToArray()).ToArray();

    private static float[][] Empty(int runs) => Enumerable.Range(0, runs).Select(_ => Array.Empty<float>()).ToArray();
}
