using System.Text.Json.Nodes;
using LowRankSparse.Config;
using LowRankSparse.Training;
using LowRankSparse.Util;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Display;

/// <summary>One row of the config table: the key, its value, where the value comes from (paper/ours) with a note, and the paper's symbol for the key.</summary>
public sealed record ConfigRow(string Key, string Value, string Tag, string Note, ConfigSymbol? Symbol);

/// <summary>Every config value with its provenance: [paper] where the paper fixes it, [ours] where this project chose it; beside it the
/// key's symbol from <see cref="Glossary.ConfigKeys"/>.</summary>
public static class ConfigTags
{
    private static readonly Dictionary<string, string> Notes = new()
    {
        ["data.num_label_relevant"] = "paper: two label-relevant patterns μ₁ (class +1), μ₂ (class −1)",
        ["data.patterns"] = "paper: orthonormal patterns; which set is ours",
        ["data.relevant_fraction"] = "ours (the paper only needs α* > α#)",
        ["data.noise"] = "ours (the theory wants τ < O(1/M))",
        ["model.neurons"] = "ours (the theory wants m ≳ M² log N)",
        ["training.learning_rate"] = "ours (plain SGD, constant step: paper)",
        ["training.batch_size"] = "ours (mini-batch SGD: paper)",
        ["model.qk_init_scale"] = "ours, chosen by a search (environment.md)",
    };

    public static IReadOnlyList<ConfigRow> Rows(ExperimentConfig config)
    {
        var root = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(config, Json.Options)!;
        var rows = new List<ConfigRow>();
        foreach (var (section, node) in root)
        {
            if (node is not JsonObject values) continue;
            foreach (var (key, value) in values)
            {
                string path = $"{section}.{key}";
                string note = Notes.GetValueOrDefault(path, "ours (the paper gives no number)");
                rows.Add(new ConfigRow(path, value?.ToJsonString() ?? "null (default)", note.StartsWith("paper") ? "paper" : "ours", note, Glossary.ConfigKey(path)));
            }
        }
        return rows;
    }
}
