using LowRankSparse.Data;
using LowRankSparse.Model;

namespace LowRankSparse.Analysis;

/// <summary>
/// The paper's notion of a lucky neuron, decided at initialisation: neuron i (output weight a_i) is lucky when its ReLU is
/// active for the label-relevant direction of the class it votes for, ⟨W_O,i^(0), W_V^(0) μ_c⟩ &gt; 0 with c = sign(a_i)'s
/// class (any of that class's patterns when K &gt; 2). By symmetry of the Gaussian initialisation about half the neurons are.
/// </summary>
public static class InitialLuck
{
    public static bool[] LuckyAtInit(Weights initial, double[] a, PatternSet patterns)
    {
        int m = initial.WO.GetLength(0);
        var lucky = new bool[m];
        for (int i = 0; i < m; i++)
        {
            int cls = a[i] > 0 ? 1 : -1;
            lucky[i] = patterns.ClassPatterns(cls).Any(j =>
            {
                var direction = UpdateAnalysis.Apply(initial.WV, patterns.Pattern(j));
                double dot = 0;
                for (int c = 0; c < direction.Length; c++) dot += initial.WO[i, c] * direction[c];
                return dot > 0;
            });
        }
        return lucky;
    }
}
