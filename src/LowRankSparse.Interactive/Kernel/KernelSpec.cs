using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// Installs the kernelspec Jupyter uses to start this kernel: DATA/kernels/NAME/kernel.json, where DATA is $JUPYTER_DATA_DIR or
/// ~/.local/share/jupyter (the user's Jupyter data folder).
/// </summary>
public static partial class KernelSpec
{
    public const string DefaultName = "lowranksparse-csharp";
    public const string DefaultDisplayName = "C# (LowRankSparse)";

    public static string KernelsFolder()
    {
        string? data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(data))
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter");
        return Path.Combine(data, "kernels");
    }

    /// <param name="cliDll">The built LowRankSparse.Cli.dll that `dotnet` starts with <c>kernel --connection-file {connection_file}</c>.</param>
    /// <returns>The kernel.json written.</returns>
    public static string Install(string name, string displayName, string cliDll)
    {
        string folder = Folder(name);
        Directory.CreateDirectory(folder);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray("dotnet", Path.GetFullPath(cliDll), "kernel", "--connection-file", "{connection_file}"),
            ["display_name"] = displayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        string file = Path.Combine(folder, "kernel.json");
        File.WriteAllText(file, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return file;
    }

    /// <returns>False when no such kernelspec was installed.</returns>
    public static bool Uninstall(string name)
    {
        string folder = Folder(name);
        if (!Directory.Exists(folder)) return false;
        Directory.Delete(folder, recursive: true);
        return true;
    }

    private static string Folder(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new KernelConfigException($"kernel name '{name}' is not valid: use letters, digits, '.', '_' and '-'");
        return Path.Combine(KernelsFolder(), name.ToLowerInvariant());
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();
}
