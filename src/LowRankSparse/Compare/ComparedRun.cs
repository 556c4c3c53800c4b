using System.Text.Json.Nodes;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Util;

namespace LowRankSparse.Compare;

/// <summary>One side of a comparison: a reproduction's results.json, read as JSON (older files with other keys still compare).</summary>
public sealed record ComparedRun(string Path, JsonObject Json)
{
    /// <summary>Reads FOLDER/results.json or the file itself; a missing, unreadable or foreign file is a <see cref="ConfigException"/> (bad input).</summary>
    public static ComparedRun Load(string pathOrFolder)
    {
        string path = Directory.Exists(pathOrFolder) ? System.IO.Path.Combine(pathOrFolder, "results.json") : pathOrFolder;
        if (!File.Exists(path))
            throw new ConfigException($"compare: '{pathOrFolder}' is neither a results.json nor a folder holding one (reproduce writes OUT/results.json)");
        var json = SettingsDiff.Read(path)
                   ?? throw new ConfigException($"compare: '{path}' is not valid JSON");
        if (SettingsDiff.Of(json) is null || json["verdicts"] is not JsonArray)
            throw new ConfigException($"compare: '{path}' is not a reproduce run's results.json (it has no config, seeds and verdicts)");
        return new ComparedRun(path, json);
    }

    /// <summary>The run's command line and start time when recorded, else its path.</summary>
    public string Label => Json["provenance"] is JsonObject p
        ? $"{p["command_line"]?.GetValue<string>()} ({p["started_utc"]?.GetValue<string>()})"
        : Path;

    public JsonNode? At(string dottedPath)
    {
        JsonNode? node = Json;
        foreach (string part in dottedPath.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return node;
    }
}
