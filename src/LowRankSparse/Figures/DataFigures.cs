using LowRankSparse.Data;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace LowRankSparse.Figures;

/// <summary>Figures of the data model (notebook 00): a sample as a token × pattern heatmap, and token composition.</summary>
public static class DataFigures
{
    /// <summary>⟨x_l, μ_j⟩ for every token l (rows) and pattern j (columns) of sample <paramref name="index"/>.</summary>
    public static Figure SampleHeatmap(Dataset data, PatternSet patterns, int index)
    {
        var x = data.X[index].data<float>().ToArray();
        int l = data.Tokens, d = patterns.Dim, m = patterns.Count;
        var z = new double[l][];
        var table = new DataTable("token", "pattern", "projection");
        for (int t = 0; t < l; t++)
        {
            z[t] = new double[m];
            for (int j = 0; j < m; j++)
            {
                double dot = 0;
                for (int e = 0; e < d; e++) dot += x[t * d + e] * patterns.Vectors[j, e];
                z[t][j] = dot;
                table.Add(t + 1, j + 1, dot);
            }
        }
        var names = Enumerable.Range(0, m).Select(j => patterns.ClassOf(j) switch { 1 => $"μ{j + 1} (+1)", -1 => $"μ{j + 1} (−1)", _ => $"μ{j + 1}" }).ToArray();
        var chart = Chart.Heatmap<double, string, int, string>(zData: z, X: names, Y: Enumerable.Range(1, l).ToArray());
        int label = data.Labels[index];
        int own = Enumerable.Range(0, l).Count(t => patterns.ClassOf(data.PatternIndex[index, t]) == label);
        int confusion = Enumerable.Range(0, l).Count(t => patterns.ClassOf(data.PatternIndex[index, t]) == -label);
        return new Figure("sample_heatmap", $"Sample {index}: label {(label > 0 ? "+1" : "−1")}",
            $"Each row is a token, each column a pattern: a bright cell is the token's pattern (noise makes the rest non-zero). " +
            $"This sample has {own} label-relevant tokens, {confusion} confusion tokens and {l - own - confusion} label-irrelevant ones; its label is the majority vote.",
            Charts.Styled(chart, $"⟨xₗ, μⱼ⟩ for sample {index} (label {(label > 0 ? "+1" : "−1")})", "pattern μⱼ", "token l"), table);
    }
}
