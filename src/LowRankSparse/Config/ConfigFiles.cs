using LowRankSparse.Training;
using LowRankSparse.Util;
namespace LowRankSparse.Config;

/// <summary>
/// Finds the shipped configs (data/configs/NAME.json) from wherever a notebook or app runs: the working folder or above, or the
/// library's folder or above — and, where there is no such file (an exported app run from another folder, a copied notebook), the
/// copy embedded in the library at build time (<see cref="Embedded"/>).
/// </summary>
public static class ConfigFiles
{
    private const string ResourcePrefix = "LowRankSparse.configs.";

    /// <summary>The names of the configs embedded in the library ("default", "quick", …): every data/configs/*.json at build time.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = typeof(ConfigFiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length]).Order(StringComparer.Ordinal).ToList();

    /// <summary>The text of the shipped config NAME as embedded in the library, or null when there is none by that name.</summary>
    public static string? Embedded(string name)
    {
        using var stream = typeof(ConfigFiles).Assembly.GetManifestResourceStream(ResourcePrefix + FileName(name));
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A bare config name ("quick", "default.json"), not a path.</summary>
    public static bool IsBareName(string value) => value.IndexOfAny(new[] { '/', '\\' }) < 0;

    public static string Find(string name) => TryFind(name) ??
        throw new ConfigException($"config '{name}' not found: looked for data/configs/{FileName(name)} above {Environment.CurrentDirectory} and above the library's folder");

    /// <summary>The path of the shipped config NAME (data/configs/NAME.json), or null when there is none.</summary>
    public static string? TryFind(string name)
    {
        string file = FileName(name);
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, Path.GetDirectoryName(typeof(ConfigFiles).Assembly.Location) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", "configs", file);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>
    /// What a <c>--config</c> value means: an existing file, else a bare name ("quick", "default.json") of a shipped config, else the
    /// value itself (so the loader reports the missing file).
    /// </summary>
    public static string Resolve(string pathOrName)
    {
        if (File.Exists(pathOrName) || Directory.Exists(pathOrName)) return pathOrName;
        return IsBareName(pathOrName) && TryFind(pathOrName) is string shipped ? shipped : pathOrName;
    }

    /// <summary>The shipped config that "default" names: the theory regime (issue #23). The earlier default is "easy".</summary>
    public const string DefaultName = "theory";

    private static string FileName(string name)
    {
        string file = name.EndsWith(".json", StringComparison.Ordinal) ? name : name + ".json";
        return file == "default.json" ? DefaultName + ".json" : file;
    }

    /// <summary>
    /// Loads a shipped config by name ("default", "quick") with optional section.key=value overrides: the file data/configs/NAME.json
    /// when one is found (<see cref="TryFind"/>; an edited copy wins), else the copy embedded in the library.
    /// </summary>
    public static ExperimentConfig Load(string name, params string[] overrides) => ConfigLoader.Load(name, overrides);
}
