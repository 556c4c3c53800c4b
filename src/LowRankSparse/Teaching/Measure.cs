using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Measurements;
using LowRankSparse.Training;

namespace LowRankSparse.Teaching;

/// <summary>
/// What the notebooks measure over the seeds of a training: the weight updates, the sparse output layer, pruning, low-rank
/// adaption, the sweeps and the controls. Each member delegates to the measurement <c>reproduce</c> records (the records its
/// report draws), with the settings <c>reproduce</c> uses in the same mode: <paramref name="quick"/> = <c>reproduce --quick</c>.
/// </summary>
public static class Measure
{
    /// <summary>The updates ΔW of one run: singular values, top-k energy, ranks and label-relevant energy per weight.</summary>
    public static IReadOnlyDictionary<string, UpdateMetrics> Update(TrainingRun run) =>
        UpdateAnalysis.Analyze(run.Initial, run.Final, run.Patterns);

    /// <summary>The updates over the seeds (mean ± std), through training, and the attention on label-relevant tokens.</summary>
    public static UpdatesSection Updates(IReadOnlyList<TrainingRun> runs) => UpdatesSection.Compute(runs, runs.Select(Update).ToList());

    /// <summary>The row norms of W_O, the lucky neurons (Otsu threshold) and each neuron's alignment, over the seeds.</summary>
    public static SparsitySection Sparsity(IReadOnlyList<TrainingRun> runs) => SparsitySection.Compute(runs);

    /// <summary>The threshold between small and large row norms (Otsu's method): the rows above it are the lucky neurons.</summary>
    public static double LuckyThreshold(double[] rowNorms) => LuckyNeurons.OtsuThreshold(rowNorms);

    /// <summary>Test loss and accuracy against the pruning rate R, for magnitude, random and largest-first pruning.</summary>
    public static PruningSection Pruning(ExperimentConfig config, IReadOnlyList<TrainingRun> runs, bool quick) =>
        PruningSection.Compute(runs, Settings(config, runs.Count, quick));

    /// <summary>Rank-r truncations of ΔW and rank-r LoRA adapters against full training.</summary>
    public static LowRankSection LowRank(ExperimentConfig config, IReadOnlyList<TrainingRun> runs, bool quick) =>
        LowRankSection.Compute(runs, Settings(config, runs.Count, quick));

    /// <summary>
    /// One training per value: the number of label-relevant patterns K (both mixing modes), the token noise τ and the number of
    /// patterns M, each changed alone in <paramref name="config"/>.
    /// </summary>
    public static SweepsSection Sweeps(ExperimentConfig config, int[] labelRelevantCounts, double[] noiseLevels, int[] patternCounts) =>
        SweepsSection.Compute(new ReproduceOptions
        {
            Config = config, LabelRelevantCounts = labelRelevantCounts, NoiseLevels = noiseLevels, PatternCounts = patternCounts,
        });

    /// <summary>The same training where the theory predicts failure: saturated and uniform initial attention.</summary>
    public static ControlsSection Controls(IReadOnlyList<TrainingRun> runs) => ControlsSection.Compute(runs);

    /// <summary>The control of the lucky-neuron claims: W(0) read as if it were trained.</summary>
    public static OutputSparsityMean Untrained(IReadOnlyList<TrainingRun> runs) => ControlsSection.UntrainedOf(runs);

    /// <summary><c>reproduce</c>'s settings for <paramref name="seeds"/> runs of <paramref name="config"/>, quick or full.</summary>
    private static ReproduceOptions Settings(ExperimentConfig config, int seeds, bool quick) =>
        quick ? ReproduceOptions.QuickFor(config) with { Seeds = seeds } : new ReproduceOptions { Config = config, Seeds = seeds };
}
