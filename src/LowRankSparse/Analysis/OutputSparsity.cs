using LowRankSparse.Data;
using LowRankSparse.Model;

namespace LowRankSparse.Analysis;

/// <summary>
/// How sparse one W_O is, and how that relates to the luck decided at initialisation: the lucky (large) fraction of the Otsu
/// split, the separation of the two groups (mean norm of the large rows over that of the small rows: about 1.5 for a
/// Gaussian W_O, many times more once the lucky neurons have grown), the share of neurons lucky at init that are large, and the
/// share of the large ones that were lucky at init ("the rest stay small"). Applied to W(0) itself it is the untrained control.
/// </summary>
public sealed record OutputSparsity(double LuckyFraction, double Separation, double LuckyAtInitFraction, double LuckyAtInitThatAreLarge,
    double LargeThatWereLuckyAtInit)
{
    public static OutputSparsity Of(Weights weights, Weights initial, double[] a, PatternSet patterns)
    {
        var lucky = LuckyNeurons.Of(weights, patterns);
        var atInit = InitialLuck.LuckyAtInit(initial, a, patterns);
        int m = atInit.Length, both = Enumerable.Range(0, m).Count(i => atInit[i] && lucky.IsLucky[i]);
        int large = lucky.IsLucky.Count(x => x), init = atInit.Count(x => x);
        double largeMean = Mean(lucky.RowNorms.Where((_, i) => lucky.IsLucky[i]));
        double smallMean = Mean(lucky.RowNorms.Where((_, i) => !lucky.IsLucky[i]));
        return new OutputSparsity(lucky.LuckyFraction, smallMean > 0 ? largeMean / smallMean : double.PositiveInfinity, init / (double)m,
            both / (double)Math.Max(1, init), both / (double)Math.Max(1, large));
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}
