using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Kernel;

namespace LowRankSparse.Cli;

/// <summary>
/// The notebooks name Microsoft's kernelspec <c>.net-csharp</c> (what VS Code and most C# notebooks carry). Without that kernel
/// installed, Jupyter refuses them (<c>NoSuchKernel: .net-csharp</c>), so <c>kernel install</c> also installs our kernel under
/// that name, unless another <c>.net-csharp</c> kernelspec is on Jupyter's search path; <c>kernel uninstall</c> removes only ours.
/// </summary>
internal static class KernelSpecAlias
{
    public const string Name = ".net-csharp";

    /// <summary>The kernel.json of a <c>.net-csharp</c> kernelspec found on Jupyter's search path, or null.</summary>
    public static string? Existing() =>
        SearchFolders().Select(f => Path.Combine(f, Name, "kernel.json")).FirstOrDefault(File.Exists);

    /// <summary>True when the kernelspec in <paramref name="kernelJson"/> starts this program (LowRankSparse.Cli.dll).</summary>
    public static bool IsOurs(string kernelJson)
    {
        try
        {
            var argv = JsonNode.Parse(File.ReadAllText(kernelJson))?["argv"]?.AsArray();
            return argv?.Any(a => a?.GetValue<string>().EndsWith("LowRankSparse.Cli.dll", StringComparison.Ordinal) == true) == true;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Jupyter's kernelspec folders: $JUPYTER_DATA_DIR (or the user's data folder), $JUPYTER_PATH, then the system ones.</summary>
    public static IEnumerable<string> SearchFolders()
    {
        yield return KernelSpec.KernelsFolder();
        foreach (string dir in (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return Path.Combine(dir, "kernels");
        yield return "/usr/local/share/jupyter/kernels";
        yield return "/usr/share/jupyter/kernels";
    }
}
