using System.Text.Json;
using System.Text.Json.Nodes;
using LowRankSparse.Config;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Config;

/// <summary>
/// The settings of a reproduction as flat keys (<c>data.noise</c>, …, <c>seeds</c>, <c>quick</c>) read from a results.json, and
/// the keys where two runs differ: what <c>reproduce</c> names before refusing to replace a run with other settings, and what
/// <c>compare</c> lists.
/// </summary>
public static class SettingsDiff
{
    public sealed record Difference(string Key, string? Before, string? After)
    {
        public override string ToString() => $"{Key} {Before ?? "(absent)"} → {After ?? "(absent)"}";
    }

    /// <summary>The settings recorded in a results.json (config keys, seeds, quick); null when it holds no reproduction's settings.</summary>
    public static IReadOnlyDictionary<string, string>? Of(JsonObject results)
    {
        if (results["config"] is not JsonObject config || results["seeds"] is null) return null;
        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Flatten(config, "", flat);
        flat["seeds"] = results["seeds"]!.ToJsonString();
        flat["quick"] = results["quick"]?.ToJsonString() ?? "false";
        return flat;
    }

    /// <summary>The settings of a run about to start, flattened the same way.</summary>
    public static IReadOnlyDictionary<string, string> Of(ExperimentConfig config, bool quick, int seeds) =>
        Of((JsonObject)JsonSerializer.SerializeToNode(new { Config = config, Quick = quick, Seeds = seeds }, Json.Options)!)!;

    /// <summary>Any JSON object as flat keys (<c>base_config.data.noise</c>, …; arrays and numbers as their JSON text).</summary>
    public static IReadOnlyDictionary<string, string> Flat(JsonObject node)
    {
        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Flatten(node, "", flat);
        return flat;
    }

    /// <summary>Every key whose value differs, in key order (a key only one side has counts too).</summary>
    public static IReadOnlyList<Difference> Between(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new Difference(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(d => d.Before != d.After).ToList();

    /// <summary>Reads a results.json; null when it is missing, unreadable or not JSON.</summary>
    public static JsonObject? Read(string resultsPath)
    {
        try
        {
            return File.Exists(resultsPath) ? JsonNode.Parse(File.ReadAllText(resultsPath)) as JsonObject : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Flatten(JsonObject node, string prefix, IDictionary<string, string> into)
    {
        foreach (var (key, value) in node)
        {
            if (prefix == "" && ConfigLoader.DerivedKeys.ContainsKey(key)) continue;   // older results.json listed the derived seeds
            if (value is JsonObject sub) Flatten(sub, prefix + key + ".", into);
            else into[prefix + key] = value?.ToJsonString() ?? "null";
        }
    }
}
