namespace LowRankSparse.Config;

/// <summary>Finds the shipped configs (data/configs/NAME.json) from wherever a notebook or app runs: the working folder or above, or the library's folder or above.</summary>
public static class ConfigFiles
{
    public static string Find(string name)
    {
        string file = name.EndsWith(".json", StringComparison.Ordinal) ? name : name + ".json";
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, Path.GetDirectoryName(typeof(ConfigFiles).Assembly.Location) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", "configs", file);
                if (File.Exists(candidate)) return candidate;
            }
        throw new ConfigException($"config '{name}' not found: looked for data/configs/{file} above {Environment.CurrentDirectory} and above the library's folder");
    }

    /// <summary>Loads a shipped config by name ("default", "quick") with optional section.key=value overrides.</summary>
    public static ExperimentConfig Load(string name, params string[] overrides) => ConfigLoader.Load(Find(name), overrides);
}
