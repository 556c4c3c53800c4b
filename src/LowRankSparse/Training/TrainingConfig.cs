using LowRankSparse.Util;

namespace LowRankSparse.Training;

/// <summary>Mini-batch SGD on the hinge loss (docs/paper-notes.md §3: no momentum, no weight decay, constant step). Numbers [ours].</summary>
public sealed record TrainingConfig
{
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 0.5;
    public int Steps { get; init; } = 500;
    /// <summary>Master seed: data, initialisation and batch order all derive from it.</summary>
    public int Seed { get; init; } = 0;
    /// <summary>
    /// Keep a snapshot of all weights every this many steps (0 = only at step 0 and the last step). Default 5 [ours]: on the
    /// default config the hinge loss of every batch reaches 0 by about step 45, after which SGD no longer moves the weights,
    /// so the snapshots have to be dense early to show how the structure forms.
    /// </summary>
    public int SnapshotEvery { get; init; } = 5;

    /// <summary>
    /// Keep W_Q, W_K at W(0) and train only W_V and W_O (same data, batch order and steps) [ours]: the control that measures whether
    /// attention learning matters on a task (issue #23). Default false: the paper trains all four.
    /// </summary>
    public bool FreezeQk { get; init; }

    /// <summary>[ours] A bound on the snapshots one run keeps after step 0: each holds all weights and is analysed (SVDs, attention on the
    /// test set) after training, so long runs need a coarser <see cref="SnapshotEvery"/>.</summary>
    public const int MaxSnapshots = 2000;

    /// <summary>The most steps a run may take [ours]: the batch schedule (steps × batch_size indices) and the log stay in memory, and
    /// their sizes must fit an int (10⁸ steps of 32 overflowed it with "Arithmetic operation resulted in an overflow").</summary>
    public const int MaxSteps = 1_000_000;

    public void Validate(Validator v, int trainSamples, string prefix = "training")
    {
        v.Positive(BatchSize, $"{prefix}.batch_size");
        v.Require(BatchSize <= trainSamples, $"{prefix}.batch_size", BatchSize, $"must be ≤ data.train_samples = {trainSamples}");
        v.Positive(LearningRate, $"{prefix}.learning_rate");
        v.Require(Steps >= 1, $"{prefix}.steps", Steps, "must be an integer ≥ 1 (a run of 0 steps has no update ΔW to measure)");
        v.Require(Steps <= MaxSteps, $"{prefix}.steps", Steps,
            $"must be ≤ {MaxSteps} [ours] (the batch schedule and the per-step log are kept in memory; a million theory-config steps take about 20 minutes)");
        v.Require(Seed >= 0, $"{prefix}.seed", Seed, "must be an integer ≥ 0");
        v.Require(SnapshotEvery >= 0, $"{prefix}.snapshot_every", SnapshotEvery, "must be an integer ≥ 0 (0 = first and last step only)");
        long afterStart = SnapshotEvery > 0 ? ((long)Steps + SnapshotEvery - 1) / SnapshotEvery : 0;   // every e-th step and the last
        if (afterStart > MaxSnapshots)
            v.Require(false, $"{prefix}.snapshot_every", SnapshotEvery,
                $"gives {afterStart} snapshots of all weights after step 0 for {prefix}.steps = {Steps}; at most {MaxSnapshots} are kept " +
                $"(each is analysed after training): use {prefix}.snapshot_every ≥ {((long)Steps + MaxSnapshots - 1) / MaxSnapshots}, or 0 for the first and last step only");
    }

    /// <summary>The steps at which snapshots are taken: 0, every <see cref="SnapshotEvery"/>, and the last step.</summary>
    public IReadOnlyList<int> SnapshotSteps()
    {
        var steps = new SortedSet<int> { 0, Steps };
        if (SnapshotEvery > 0)
            for (int s = SnapshotEvery; s < Steps; s += SnapshotEvery) steps.Add(s);
        return steps.ToList();
    }
}
