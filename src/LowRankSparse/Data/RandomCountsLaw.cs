using MathNet.Numerics;

namespace LowRankSparse.Data;

/// <summary>
/// Exact moments of the random-counts law (<see cref="TokenCounts.Random"/>): the counts (r, c) of relevant and confusion tokens of a
/// sample are multinomial(L; α*, α#, 1 − α* − α#), and a draw is kept when r &gt; c (the majority vote gives the sample's class).
/// </summary>
public sealed record RandomCountsLaw(double Acceptance, double MeanRelevantFraction, double MeanConfusionFraction)
{
    public static RandomCountsLaw Of(DataConfig data)
    {
        int l = data.Tokens;
        double a = data.RelevantFraction, b = data.ConfusionFraction, rest = 1 - a - b;
        double kept = 0, relevant = 0, confusion = 0;
        for (int r = 0; r <= l; r++)
            for (int c = 0; c < r && r + c <= l; c++)
            {
                double p = Math.Exp(SpecialFunctions.FactorialLn(l) - SpecialFunctions.FactorialLn(r) - SpecialFunctions.FactorialLn(c)
                                    - SpecialFunctions.FactorialLn(l - r - c) + Term(r, a) + Term(c, b) + Term(l - r - c, rest));
                kept += p;
                relevant += p * r;
                confusion += p * c;
            }
        return kept == 0 ? new RandomCountsLaw(0, 0, 0) : new RandomCountsLaw(kept, relevant / kept / l, confusion / kept / l);
    }

    /// <summary>n·log p with 0·log 0 = 0.</summary>
    private static double Term(int n, double p) => n == 0 ? 0 : n * Math.Log(p);
}
