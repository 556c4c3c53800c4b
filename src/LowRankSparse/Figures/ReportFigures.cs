using LowRankSparse.Experiments;

namespace LowRankSparse.Figures;

/// <summary>Every figure of the report, in reading order.</summary>
public static class ReportFigures
{
    /// <summary>The quantity whose heatmap each phase grid shows in the report: the low-rank claim, judged in every grid.</summary>
    public static readonly Phase.PhaseMetric PhaseShown = Phase.PhaseMetric.TopKQ;

    public static IReadOnlyList<Figure> All(ReproduceResults r)
    {
        int k = r.Config.Data.NumLabelRelevant;
        return new[]
        {
            AttentionMattersFigures.Of(r.AttentionMatters),
            UpdateFigures.Spectra(r.Updates, k, r.Seeds),
            UpdateFigures.EnergyVsStep(r.Updates, k),
            EvolutionFigures.Spectra(r.Updates, k),
            UpdateFigures.Attention(r.Updates),
            SparsityFigures.RowNorms(r.Sparsity),
            EvolutionFigures.RowNorms(r.Sparsity),
            SparsityFigures.Histogram(r.Sparsity),
            SparsityFigures.Alignment(r.Sparsity, k),
            PruningFigures.HingeLoss(r.Pruning, r.Sparsity.LuckyAtInitFractionMean, r.Seeds),
            PruningFigures.Accuracy(r.Pruning, r.Sparsity.LuckyAtInitFractionMean, r.Seeds),
            PruningFigures.Unstructured(r.Pruning),
            LowRankFigures.Adaption(r.LowRank, k),
            SweepFigures.RankVsK(r.Sweeps.LabelRelevant),
            SweepFigures.Noise(r.Sweeps.Noise),
            SweepFigures.PatternCount(r.Sweeps.Patterns),
        }.Concat(r.Phase.Select(g => PhaseFigures.Heatmap(g, PhaseShown))).ToList();
    }
}
