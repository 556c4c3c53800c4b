using LowRankSparse.Data;
using LowRankSparse.Experiments.RealData;
using LowRankSparse.Figures;
using LowRankSparse.Measurements;
using LowRankSparse.Model;
using LowRankSparse.Phase;
using LowRankSparse.Training;

namespace LowRankSparse.Teaching;

/// <summary>
/// The notebooks' charts: the report's figures (<see cref="Figures"/>), each drawn from what was measured. A figure shows as an
/// interactive Plotly chart in every notebook host (<c>display(Plot.LossCurve(run))</c>).
/// </summary>
public static class Plot
{
    /// <summary>⟨x_l, μ_j⟩ of sample <paramref name="index"/>: one bright cell per token, the token's pattern.</summary>
    public static Figure Sample(Dataset data, PatternSet patterns, int index) => DataFigures.SampleHeatmap(data, patterns, index);

    public static Figure LossCurve(TrainingRun run) => TrainingFigures.LossCurve(run.Loss, run.BatchAccuracy);

    /// <summary>The attention matrix of test sample <paramref name="index"/> under <paramref name="weights"/>.</summary>
    public static Figure AttentionMap(TrainingRun run, Weights weights, int index, string when) =>
        TrainingFigures.AttentionMap(AttentionOf(run, weights, index), run.Test, run.Patterns, index, when);

    /// <summary>The L × L attention matrix (row-major) of test sample <paramref name="index"/> under <paramref name="weights"/>.</summary>
    private static float[] AttentionOf(TrainingRun run, Weights weights, int index) => run.Model.With(weights, () =>
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return run.Model.Attention(run.Test.X.narrow(0, index, 1))[0].data<float>().ToArray();
    });

    /// <summary>The attention on label-relevant tokens through training.</summary>
    public static Figure AttentionMass(UpdatesSection updates) => UpdateFigures.Attention(updates);

    /// <summary>The singular values of ΔW_Q, ΔW_K, ΔW_V (mean ± std over the seeds).</summary>
    public static Figure Spectra(UpdatesSection updates, int k, int seeds) => UpdateFigures.Spectra(updates, k, seeds);

    /// <summary>The top-k energy and the label-relevant energy of each update through training.</summary>
    public static Figure EnergyVsStep(UpdatesSection updates, int k) => UpdateFigures.EnergyVsStep(updates, k);

    /// <summary>A slider through training: the spectra at every snapshot.</summary>
    public static Figure SpectraThroughTraining(UpdatesSection updates, int k) => EvolutionFigures.Spectra(updates, k);

    public static Figure RankVsK(SweepsSection sweeps) => SweepFigures.RankVsK(sweeps.LabelRelevant);

    public static Figure Noise(SweepsSection sweeps) => SweepFigures.Noise(sweeps.Noise);

    /// <summary>The sorted row norms of W_O, trained and at initialisation.</summary>
    public static Figure RowNorms(SparsitySection sparsity) => SparsityFigures.RowNorms(sparsity);

    public static Figure RowNormHistogram(SparsitySection sparsity) => SparsityFigures.Histogram(sparsity);

    /// <summary>A slider through training: the row norms of W_O at every snapshot.</summary>
    public static Figure RowNormsThroughTraining(SparsitySection sparsity) => EvolutionFigures.RowNorms(sparsity);

    /// <summary>Each neuron's alignment with W_V μ_1 and W_V μ_2.</summary>
    public static Figure Alignment(SparsitySection sparsity, int k) => SparsityFigures.Alignment(sparsity, k);

    public static Figure PruningHingeLoss(PruningSection pruning, SparsitySection sparsity, int seeds) =>
        PruningFigures.HingeLoss(pruning, sparsity.LuckyFractionMean, seeds);

    public static Figure PruningAccuracy(PruningSection pruning, SparsitySection sparsity, int seeds) =>
        PruningFigures.Accuracy(pruning, sparsity.LuckyFractionMean, seeds);

    public static Figure UnstructuredPruning(PruningSection pruning) => PruningFigures.Unstructured(pruning);

    /// <summary>Test hinge loss and accuracy of rank-r truncations and rank-r LoRA adapters.</summary>
    public static Figure Adaption(LowRankSection lowRank, int k) => LowRankFigures.Adaption(lowRank, k);

    /// <summary>A phase diagram: the quantity per cell, the verdict of its claim, the predicted and the measured boundary.</summary>
    public static Figure Heatmap(PhaseResult result, PhaseMetric metric) => PhaseFigures.Heatmap(result, metric);

    /// <summary>Real images: the spectra of the updates beside the synthetic model's.</summary>
    public static Figure Spectra(RealDataResults results) => RealDataFigures.Spectra(results);

    public static Figure RowNorms(RealDataResults results) => RealDataFigures.RowNorms(results);

    public static Figure Pruning(RealDataResults results) => RealDataFigures.Pruning(results);

    public static Figure Truncation(RealDataResults results) => RealDataFigures.Truncation(results);
}
