using System.Globalization;
using LowRankSparse.Data;

namespace LowRankSparse.Verdicts;

/// <summary>Checks that generated data follows the data model of docs/paper-notes.md §1 (used by notebook 00 and the tests).</summary>
public static class DataChecks
{
    public static Verdict DataModel(DataConfig config, PatternSet patterns, Dataset data)
    {
        var main = Count(config, patterns, data, flip: false);
        var control = Count(config, patterns, data, flip: true);
        return new Verdict("data_model", "Labels are the majority vote of the discriminative tokens; classes are balanced", "paper",
            "none: a property of the generated data",
            $"every sample: label = sign(#class +1 tokens − #class −1 tokens); {CountsPrediction(config)}; N/2 per class",
            main.Measured, main.Ok ? VerdictStatus.Holds : VerdictStatus.Fails,
            new VerdictControl("every label flipped (the same tokens, the other class)", control.Measured, control.Outcome));
    }

    /// <summary>
    /// Fixed counts: every sample has exactly round(α*·L) and round(α#·L). Random counts: the average shares over the set lie within
    /// <see cref="StandardErrors"/> standard errors [ours] of the law's exact means (<see cref="RandomCountsLaw"/>).
    /// </summary>
    private static string CountsPrediction(DataConfig config)
    {
        if (config.TokenCounts == TokenCounts.Fixed)
            return $"{config.RelevantTokens} relevant and {config.ConfusionTokens} confusion tokens of {config.Tokens}";
        var law = RandomCountsLaw.Of(config);
        return string.Create(CultureInfo.InvariantCulture, $"counts random per sample, average shares {law.MeanRelevantFraction:F4} relevant and " +
            $"{law.MeanConfusionFraction:F4} confusion (the law's exact means) within {StandardErrors} standard errors [ours]");
    }

    public const double StandardErrors = 5;

    private static Claims.Check Count(DataConfig config, PatternSet patterns, Dataset data, bool flip)
    {
        int majority = 0, counts = 0;
        long relevantTotal = 0, confusionTotal = 0;
        for (int i = 0; i < data.Count; i++)
        {
            int label = flip ? -data.Labels[i] : data.Labels[i];
            int plus = 0, minus = 0, own = 0, confusion = 0;
            for (int t = 0; t < data.Tokens; t++)
            {
                int cls = patterns.ClassOf(data.PatternIndex[i, t]);
                if (cls == 1) plus++;
                if (cls == -1) minus++;
                if (cls == label) own++;
                else if (cls != 0) confusion++;
            }
            if (Math.Sign(plus - minus) == label) majority++;
            if (own == config.RelevantTokens && confusion == config.ConfusionTokens) counts++;
            relevantTotal += own;
            confusionTotal += confusion;
        }
        int positive = data.Labels.Count(l => (flip ? -l : l) > 0);
        string countsText;
        bool countsOk;
        if (config.TokenCounts == TokenCounts.Fixed)
        {
            countsOk = counts == data.Count;
            countsText = $"{counts}/{data.Count} samples have the configured token counts";
        }
        else
        {
            var law = RandomCountsLaw.Of(config);
            double tokens = (double)data.Count * data.Tokens, relevant = relevantTotal / tokens, confusionShare = confusionTotal / tokens;
            bool Near(double measured, double p) => Math.Abs(measured - p) <= StandardErrors * Math.Sqrt(p * (1 - p) / tokens);
            countsOk = Near(relevant, law.MeanRelevantFraction) && Near(confusionShare, law.MeanConfusionFraction);
            countsText = string.Create(CultureInfo.InvariantCulture, $"average shares {relevant:F4} relevant and {confusionShare:F4} confusion (law {law.MeanRelevantFraction:F4}, {law.MeanConfusionFraction:F4})");
        }
        return new Claims.Check(majority == data.Count && countsOk && positive * 2 == data.Count,
            string.Create(CultureInfo.InvariantCulture, $"{majority}/{data.Count} labels are the majority vote, {countsText}, {positive} of {data.Count} are class +1"));
    }
}
