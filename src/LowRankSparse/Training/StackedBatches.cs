using LowRankSparse.Util;
using TorchSharp;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The mini-batches of S runs, precomputed once so a training step allocates nothing on the host: all training inputs stacked
/// [ΣN, L, d], the row of every sample of every step [T, S·B] (each run's own <see cref="BatchSchedule"/>), the labels per step
/// [T, S, B] and the loss-gradient coefficients −η_s·y/B per step [T, S, B]. Owns its tensors.
/// </summary>
internal sealed class StackedBatches : IDisposable
{
    private readonly Tensor _inputs;
    private readonly bool _ownsInputs;
    private readonly Tensor _rows;
    private readonly long _batch;

    public StackedBatches(IReadOnlyList<TrainingSetup> runs, CancellationToken cancel = default)
    {
        var t = runs[0].Config.Training;
        int steps = Math.Max(t.Steps, 1);
        _batch = t.BatchSize;
        _ownsInputs = runs.Count > 1;
        _inputs = _ownsInputs ? cat(runs.Select(r => r.Train.X).ToList(), 0) : runs[0].Train.X;
        using var scope = NewDisposeScope();
        long offset = 0;
        var perRun = new List<Tensor>();
        foreach (var r in runs)
        {
            using var shift = offset.ToScalar();   // kept alive through the call (Util/Scalars.cs)
            perRun.Add(BatchSchedule.Indices(r.Config.Data.TrainSamples, t.BatchSize, t.Steps, r.Config.BatchSeed, cancel).add(shift, Scalars.One));
            offset += r.Config.Data.TrainSamples;
        }
        var rows = stack(perRun, 1).view(steps, -1);                                         // [T, S·B]
        var labels = cat(runs.Select(r => r.Train.Y).ToList(), 0).index_select(0, rows.view(-1)).view(steps, runs.Count, -1);
        var rates = tensor(runs.Select(r => (float)(-r.Config.Training.LearningRate / t.BatchSize)).ToArray()).view(1, -1, 1);
        _rows = rows.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        Coefficients = (labels * rates).DetachFromDisposeScope();
    }

    /// <summary>y of every sample of every step, [T, S, B].</summary>
    public Tensor Labels { get; }
    /// <summary>−η_s·y/B: ∂(η·hinge loss)/∂F where the hinge is active, [T, S, B].</summary>
    public Tensor Coefficients { get; }

    /// <summary>The inputs of step <paramref name="step"/>, [S, B, L, d].</summary>
    public Tensor Inputs(int step)
    {
        var x = _inputs.index_select(0, _rows[step]);
        return x.view(-1, _batch, x.shape[1], x.shape[2]);
    }

    public void Dispose()
    {
        if (_ownsInputs) _inputs.Dispose();
        _rows.Dispose();
        Labels.Dispose();
        Coefficients.Dispose();
    }
}
