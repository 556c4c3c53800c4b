using LowRankSparse.Tests.Interactive;

namespace LowRankSparse.Tests.Hosts;

/// <summary>Jupyter folders in a temp dir holding one kernel: ours (installed by `kernel install`) or Microsoft's (`dotnet interactive jupyter install`).</summary>
internal static class Kernelspecs
{
    /// <summary>Our kernel installed the way the README says; it also takes the name the notebooks carry (.net-csharp).</summary>
    public static Dictionary<string, string> Ours(string folder)
    {
        var environment = Environment(folder);
        var install = CliProcess.Run(folder, environment, "kernel", "install");
        if (install.ExitCode != 0) throw new InvalidOperationException("kernel install failed:\n" + install.Output);
        return environment;
    }

    /// <summary>Microsoft's kernel (the tool from .config/dotnet-tools.json) as its `jupyter install` writes it.</summary>
    public static Dictionary<string, string> Microsofts(string folder)
    {
        var environment = Environment(folder);
        string kernels = Path.Combine(folder, "jupyter-data", "kernels");
        Directory.CreateDirectory(kernels);                      // the tool requires the folder to exist
        var restore = ChildProcess.Run("dotnet", ["tool", "restore"], TestPaths.RepoRoot, timeout: TimeSpan.FromMinutes(5));
        if (restore.ExitCode != 0) throw new InvalidOperationException("dotnet tool restore failed:\n" + restore.Output);
        var install = ChildProcess.Run("dotnet", ["tool", "run", "dotnet-interactive", "jupyter", "install", "--path", kernels], TestPaths.RepoRoot, environment);
        if (install.ExitCode != 0) throw new InvalidOperationException("dotnet interactive jupyter install failed:\n" + install.Output);
        return environment;
    }

    private static Dictionary<string, string> Environment(string folder) => new()
    {
        ["JUPYTER_DATA_DIR"] = Path.Combine(folder, "jupyter-data"),
        ["JUPYTER_PATH"] = Path.Combine(folder, "jupyter-data"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "jupyter-runtime"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(folder, "jupyter-config"),
    };
}
