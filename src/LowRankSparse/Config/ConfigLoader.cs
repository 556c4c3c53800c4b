using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Config;

/// <summary>
/// Reads an <see cref="ExperimentConfig"/> from a JSON file (snake_case sections <c>data</c>, <c>model</c>, <c>training</c>),
/// applies <c>section.key=value</c> overrides, rejects unknown keys and wrong types, and validates the result.
/// Every problem becomes a <see cref="ConfigException"/> naming the field, the value and what is allowed.
/// Keys left out of the file keep their defaults.
/// </summary>
public static class ConfigLoader
{
    public static ExperimentConfig Load(string? path, IEnumerable<string>? overrides = null)
    {
        if (path is null) return Build(new JsonObject(), "defaults", overrides);
        path = ConfigFiles.Resolve(path);   // "quick" = data/configs/quick.json
        // no such file, but a shipped config by that name: the copy embedded in the library (an exported app run from another folder)
        if (!File.Exists(path) && !Directory.Exists(path) && ConfigFiles.IsBareName(path) && ConfigFiles.Embedded(path) is string shipped)
            return FromJson(shipped, $"shipped config '{path}' (embedded in the library)", overrides);
        return Build(ReadFile(path), $"config file '{path}'", overrides);
    }

    public static ExperimentConfig FromJson(string json, string source = "config", IEnumerable<string>? overrides = null) =>
        Build(ParseObject(json, source), source, overrides);

    private static ExperimentConfig Build(JsonObject root, string source, IEnumerable<string>? overrides)
    {
        CheckKeys(root, Schema(), "", source);
        foreach (string o in overrides ?? Array.Empty<string>()) ApplyOverride(root, o);
        return Deserialize(root, source).Validated();
    }

    public static string ToJson(ExperimentConfig config) => Json.Serialize(config);

    /// <summary>Every settable key path, e.g. <c>data.dim</c>, <c>training.learning_rate</c>.</summary>
    public static IReadOnlyList<string> KeyPaths() =>
        Schema().Where(s => s.Value is JsonObject).SelectMany(s => ((JsonObject)s.Value!).Select(k => $"{s.Key}.{k.Key}")).ToList();

    private static JsonObject Schema() => (JsonObject)JsonSerializer.SerializeToNode(new ExperimentConfig(), Json.Options)!;

    private static JsonObject ReadFile(string path)
    {
        if (Directory.Exists(path)) throw new ConfigException($"config file '{path}' is a directory; expected a JSON file such as data/configs/default.json");
        if (!File.Exists(path)) throw new ConfigException($"config file '{path}' does not exist (see data/configs/ for examples; a shipped config can be named: --config quick)");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"config file '{path}' cannot be read: {e.Message}");
        }
        return ParseObject(text, $"config file '{path}'");
    }

    private static JsonObject ParseObject(string text, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{source} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }
        return node as JsonObject ?? throw new ConfigException($"{source}: the top level must be a JSON object with sections \"data\", \"model\", \"training\"");
    }

    /// <summary>Keys that are computed from others and cannot be set, with what they are derived from.</summary>
    public static readonly IReadOnlyDictionary<string, string> DerivedKeys = new Dictionary<string, string>
    {
        ["data_seed"] = "training.seed × 7919 + 1",
        ["test_seed"] = "training.seed × 7919 + 2",
        ["init_seed"] = "training.seed × 7919 + 3",
        ["batch_seed"] = "training.seed × 7919 + 4",
    };

    private static void CheckKeys(JsonObject given, JsonObject schema, string prefix, string source)
    {
        foreach (var (key, value) in given)
        {
            string path = prefix + key;
            if (prefix == "" && DerivedKeys.TryGetValue(key, out string? from))
                throw new ConfigException($"{source}: {path} = {value?.ToJsonString() ?? "null"}: derived from {from}, cannot be set; set training.seed (an integer ≥ 0) instead");
            if (!schema.TryGetPropertyValue(key, out JsonNode? expected))
                throw new ConfigException($"{source}: unknown key '{path}' (allowed here: {string.Join(", ", schema.Select(p => p.Key))})");
            if (expected is JsonObject sub)
            {
                if (value is not JsonObject subGiven)
                    throw new ConfigException($"{source}: '{path}' must be an object with keys {string.Join(", ", sub.Select(p => p.Key))}, got {Describe(value)}");
                CheckKeys(subGiven, sub, path + ".", source);
            }
        }
    }

    private static void ApplyOverride(JsonObject root, string assignment)
    {
        int eq = assignment.IndexOf('=');
        if (eq <= 0 || eq == assignment.Length - 1)
            throw new ConfigException($"--set '{assignment}': expected section.key=value, e.g. --set training.steps=200");
        string path = assignment[..eq].Trim(), raw = assignment[(eq + 1)..].Trim();
        string[] parts = path.Split('.');
        var schema = Schema();
        if (parts.Length != 2 || schema[parts[0]] is not JsonObject section || !section.ContainsKey(parts[1]))
            throw new ConfigException($"--set '{assignment}': unknown key '{path}' (known keys: {string.Join(", ", KeyPaths())})");
        JsonNode? value;
        try { value = JsonNode.Parse(raw); }
        catch (JsonException) { value = JsonValue.Create(raw); }  // bare words are strings: --set data.noise_kind=gaussian
        if (root[parts[0]] is not JsonObject target)
        {
            target = new JsonObject();
            root[parts[0]] = target;
        }
        target[parts[1]] = value;
    }

    private static ExperimentConfig Deserialize(JsonObject root, string source)
    {
        try
        {
            return root.Deserialize<ExperimentConfig>(Json.Options) ?? new ExperimentConfig();
        }
        catch (JsonException e)
        {
            string field = (e.Path ?? "$").TrimStart('$', '.');
            JsonNode? given = Lookup(root, field);
            string expected = ExpectedType(field);
            throw new ConfigException($"{source}: {field} = {given?.ToJsonString() ?? "?"}: wrong type, expected {expected}");
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigException($"{source}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>The expected JSON type of a field, read off the config records' property types (enums list their values).</summary>
    private static string ExpectedType(string field)
    {
        var naming = Json.Options.PropertyNamingPolicy!;
        Type? type = typeof(ExperimentConfig);
        foreach (string part in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
            type = type?.GetProperties().FirstOrDefault(p => naming.ConvertName(p.Name) == part)?.PropertyType;
        Type? nullable = type is null ? null : Nullable.GetUnderlyingType(type);
        string orNull = nullable is null ? "" : " or null";
        type = nullable ?? type;
        return type switch
        {
            null => "a value of the documented type",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => $"\"{naming.ConvertName(n)}\"")),
            _ when type == typeof(int) => "an integer" + orNull,
            _ when type == typeof(double) => "a number" + orNull,
            _ when type == typeof(string) => "a string" + orNull,
            _ => "an object",
        };
    }

    private static JsonNode? Lookup(JsonObject root, string field)
    {
        JsonNode? node = root;
        foreach (string part in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return node;
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant();

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
