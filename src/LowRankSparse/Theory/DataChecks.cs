using System.Globalization;
using LowRankSparse.Data;

namespace LowRankSparse.Theory;

/// <summary>Checks that generated data follows the data model of paper-spec §1 (used by notebook 00 and the tests).</summary>
public static class DataChecks
{
    public static Verdict DataModel(DataConfig config, PatternSet patterns, Dataset data)
    {
        int majority = 0, counts = 0;
        for (int i = 0; i < data.Count; i++)
        {
            int plus = 0, minus = 0, own = 0, confusion = 0;
            for (int t = 0; t < data.Tokens; t++)
            {
                int cls = patterns.ClassOf(data.PatternIndex[i, t]);
                if (cls == 1) plus++;
                if (cls == -1) minus++;
                if (cls == data.Labels[i]) own++;
                else if (cls != 0) confusion++;
            }
            if (Math.Sign(plus - minus) == data.Labels[i]) majority++;
            if (own == config.RelevantTokens && confusion == config.ConfusionTokens) counts++;
        }
        int positive = data.Labels.Count(l => l > 0);
        bool holds = majority == data.Count && counts == data.Count && positive * 2 == data.Count;
        return new Verdict("data_model", "Labels are the majority vote of the discriminative tokens; classes are balanced", "paper",
            "none: a property of the generated data",
            $"every sample: label = sign(#class +1 tokens − #class −1 tokens); {config.RelevantTokens} relevant and {config.ConfusionTokens} confusion tokens of {config.Tokens}; N/2 per class",
            string.Create(CultureInfo.InvariantCulture, $"{majority}/{data.Count} labels are the majority vote, {counts}/{data.Count} samples have the configured token counts, {positive} of {data.Count} are class +1"),
            holds ? VerdictStatus.Holds : VerdictStatus.Fails);
    }
}
