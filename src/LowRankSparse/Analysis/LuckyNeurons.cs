using LowRankSparse.Data;
using LowRankSparse.Model;

namespace LowRankSparse.Analysis;

/// <summary>
/// The sparse output layer (docs/paper-notes.md §4.2): W_O row norms, the lucky (large) rows and each neuron's alignment with W_V μ.
/// Threshold rule [ours]: Otsu's split of the log row norms — the cut that maximises the between-group variance of
/// log‖w_i‖, i.e. the most pronounced gap between "large" and "small" rows. Lucky = norm above the threshold.
/// </summary>
public sealed record LuckyNeurons(
    double[] RowNorms,
    double[] SortedRowNorms,
    double Threshold,
    bool[] IsLucky,
    double LuckyFraction,
    double[][] Alignment,
    int[] PreferredPattern)
{
    /// <param name="weights">Trained weights (W_O rows are the neurons).</param>
    /// <param name="reference">Weights whose W_V defines the directions W_V μ_j (usually the trained ones).</param>
    public static LuckyNeurons Of(Weights weights, PatternSet patterns, Weights? reference = null)
    {
        var wo = weights.WO;
        var wv = (reference ?? weights).WV;
        int m = wo.GetLength(0);
        var norms = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < wo.GetLength(1); j++) s += wo[i, j] * wo[i, j];
            norms[i] = Math.Sqrt(s);
        }
        double threshold = OtsuThreshold(norms);
        var lucky = norms.Select(n => n > threshold).ToArray();

        var directions = patterns.LabelRelevant.Select(j => UpdateAnalysis.Apply(wv, patterns.Pattern(j))).ToArray();
        var alignment = new double[m][];
        var preferred = new int[m];
        for (int i = 0; i < m; i++)
        {
            alignment[i] = directions.Select(d => Cosine(wo, i, d)).ToArray();
            preferred[i] = Array.IndexOf(alignment[i], alignment[i].Max());
        }
        return new LuckyNeurons(norms, norms.OrderByDescending(n => n).ToArray(), threshold, lucky,
            lucky.Count(l => l) / (double)m, alignment, preferred);
    }

    /// <summary>Otsu threshold on log norms, returned on the norm scale (geometric midpoint of the two rows at the cut).</summary>
    public static double OtsuThreshold(double[] norms)
    {
        var logs = norms.Select(n => Math.Log(Math.Max(n, 1e-300))).OrderBy(v => v).ToArray();
        int n = logs.Length;
        if (n < 2) return 0;
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + logs[i];
        double total = prefix[n];
        int bestCut = 1;
        double bestScore = double.NegativeInfinity;
        for (int cut = 1; cut < n; cut++)
        {
            double w0 = cut, w1 = n - cut;
            double m0 = prefix[cut] / w0, m1 = (total - prefix[cut]) / w1;
            double score = w0 * w1 * (m0 - m1) * (m0 - m1);
            if (score > bestScore)
            {
                bestScore = score;
                bestCut = cut;
            }
        }
        return Math.Exp((logs[bestCut - 1] + logs[bestCut]) / 2);
    }

    private static double Cosine(double[,] rows, int i, double[] d)
    {
        double dot = 0, nr = 0, nd = 0;
        for (int j = 0; j < d.Length; j++)
        {
            dot += rows[i, j] * d[j];
            nr += rows[i, j] * rows[i, j];
            nd += d[j] * d[j];
        }
        return nr == 0 || nd == 0 ? 0 : dot / Math.Sqrt(nr * nd);
    }
}
