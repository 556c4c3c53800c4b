using LowRankSparse.Experiments;

namespace LowRankSparse.Figures;

/// <summary>Every figure of the report, in reading order.</summary>
public static class ReportFigures
{
    public static IReadOnlyList<Figure> All(ReproduceResults r) => new[]
    {
        UpdateFigures.Spectra(r),
        UpdateFigures.EnergyVsStep(r),
        UpdateFigures.Attention(r),
        SparsityFigures.RowNorms(r),
        SparsityFigures.Histogram(r),
        SparsityFigures.Alignment(r),
        PruningFigures.HingeLoss(r),
        PruningFigures.Accuracy(r),
        PruningFigures.Unstructured(r),
        LowRankFigures.Adaption(r),
        SweepFigures.RankVsK(r),
        SweepFigures.Noise(r),
        SweepFigures.PatternCount(r),
    };
}
