using System.Globalization;
using LowRankSparse.Data;

namespace LowRankSparse.Theory;

/// <summary>Checks that generated data follows the data model of docs/paper-notes.md §1 (used by notebook 00 and the tests).</summary>
public static class DataChecks
{
    public static Verdict DataModel(DataConfig config, PatternSet patterns, Dataset data)
    {
        var main = Count(config, patterns, data, flip: false);
        var control = Count(config, patterns, data, flip: true);
        return new Verdict("data_model", "Labels are the majority vote of the discriminative tokens; classes are balanced", "paper",
            "none: a property of the generated data",
            $"every sample: label = sign(#class +1 tokens − #class −1 tokens); {config.RelevantTokens} relevant and {config.ConfusionTokens} confusion tokens of {config.Tokens}; N/2 per class",
            main.Measured, main.Ok ? VerdictStatus.Holds : VerdictStatus.Fails,
            new VerdictControl("every label flipped (the same tokens, the other class)", control.Measured, control.Ok));
    }

    private static Claims.Check Count(DataConfig config, PatternSet patterns, Dataset data, bool flip)
    {
        int majority = 0, counts = 0;
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
        }
        int positive = data.Labels.Count(l => (flip ? -l : l) > 0);
        return new Claims.Check(majority == data.Count && counts == data.Count && positive * 2 == data.Count,
            string.Create(CultureInfo.InvariantCulture, $"{majority}/{data.Count} labels are the majority vote, {counts}/{data.Count} samples have the configured token counts, {positive} of {data.Count} are class +1"));
    }
}
