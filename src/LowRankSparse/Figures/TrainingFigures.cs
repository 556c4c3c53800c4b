using LowRankSparse.Data;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace LowRankSparse.Figures;

/// <summary>
/// Figures of one training run (notebook 01): the per-step log and an attention map. They read what the run recorded; they never
/// train or run the model (the caller computes the attention matrix).
/// </summary>
public static class TrainingFigures
{
    /// <summary>The per-step mini-batch hinge loss and batch accuracy (a run's <c>Loss</c> and <c>BatchAccuracy</c>).</summary>
    public static Figure LossCurve(float[] loss, float[] batchAccuracy, int smooth = 10)
    {
        var steps = Enumerable.Range(1, loss.Length).Select(s => (double)s).ToArray();
        var lossMean = Smooth(loss, smooth);
        var accuracy = Smooth(batchAccuracy, smooth);
        var table = new DataTable("step", "batch_hinge_loss", "batch_accuracy");
        for (int i = 0; i < steps.Length; i++) table.Add(i + 1, loss[i], batchAccuracy[i]);
        var chart = Panels.Stack(new Panels.Panel[]
        {
            new($"hinge loss (moving average of {smooth})", Charts.Axes(Charts.Line(steps, lossMean, "mini-batch hinge loss", "#1f77b4", markers: false), "SGD step", "hinge loss")),
            new($"batch accuracy (moving average of {smooth})", Charts.Axes(Charts.Line(steps, accuracy, "mini-batch accuracy", "#2ca02c", markers: false), "SGD step", "accuracy (fraction)")),
        }, "Mini-batch hinge loss and accuracy", columns: 2);
        return new Figure("loss_curve", "Training curves",
            $"SGD on the hinge loss: the mini-batch loss falls to {loss[^1]:F4} and the batch accuracy reaches {batchAccuracy[^1]:P0} after {loss.Length} steps.",
            chart, table);
    }

    /// <summary>
    /// Attention weights (query token × key token) of test sample <paramref name="index"/> of <paramref name="test"/>:
    /// <paramref name="attention"/> is its L × L attention matrix, row-major (query l, key s).
    /// </summary>
    public static Figure AttentionMap(float[] attention, Dataset test, PatternSet patterns, int index, string when)
    {
        int l = test.Tokens;
        var z = Enumerable.Range(0, l).Select(q => Enumerable.Range(0, l).Select(s => (double)attention[q * l + s]).ToArray()).ToArray();
        var keys = Enumerable.Range(0, l).Select(s => KeyName(test, patterns, index, s)).ToArray();
        var table = new DataTable("query", "key", "key_kind", "weight");
        for (int q = 0; q < l; q++)
            for (int s = 0; s < l; s++) table.Add(q + 1, s + 1, keys[s], z[q][s]);
        var chart = Chart.Heatmap<double, string, int, string>(zData: z, X: keys, Y: Enumerable.Range(1, l).ToArray());
        return new Figure($"attention_map_{when}", $"Attention of test sample {index} ({when})",
            "Each row is a query token, each column a key (R = label-relevant, C = confusion, · = irrelevant); rows sum to 1. " +
            "Training moves attention onto the label-relevant keys.",
            Charts.Styled(chart, $"Attention weights, sample {index}, {when}", "key token s", "query token l"), table);
    }

    private static string KeyName(Dataset data, PatternSet patterns, int index, int s)
    {
        int cls = patterns.ClassOf(data.PatternIndex[index, s]);
        string kind = cls == data.Labels[index] ? "R" : cls == 0 ? "·" : "C";
        return $"{s + 1}{kind}";
    }

    private static double[] Smooth(float[] values, int window)
    {
        var r = new double[values.Length];
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            if (i >= window) sum -= values[i - window];
            r[i] = sum / Math.Min(i + 1, window);
        }
        return r;
    }
}
