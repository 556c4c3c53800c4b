using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace LowRankSparse.Display;

/// <summary>
/// What the first cell of every notebook calls: invariant culture for numbers, the patched TorchSharp native shim preloaded
/// (a notebook host that references TorchSharp.dll by path would otherwise fall back to the unpatched copy in the NuGet cache,
/// which fails on Debian 12 — see environment.md), the rich display formatters registered, and plotly.js written into the
/// current folder (the notebook's, in Jupyter) for the chart outputs to load (<see cref="NotebookChart"/>).
/// </summary>
public static class NotebookSetup
{
    public static string Initialize()
    {
        string? unified = HostAssemblies.Unify();           // first: before anything touches Plotly.NET
        // Microsoft's kernel loads each #r'd file in a load context of its own. This adapter must bind the library's Plotly.NET and
        // FSharp.Core (just unified into the library's context), not second copies, or its chart formatters would never match a chart:
        // so the rest runs in a copy of this assembly loaded beside the library. (Our runner and kernel load both into the default context.)
        var library = AssemblyLoadContext.GetLoadContext(typeof(HostAssemblies).Assembly);
        var adapter = typeof(NotebookSetup).Assembly;
        if (library is null || library == AssemblyLoadContext.GetLoadContext(adapter)) return InitializeHere(unified);
        var twin = library.Assemblies.FirstOrDefault(a => a.GetName().Name == adapter.GetName().Name) ?? library.LoadFromAssemblyPath(adapter.Location);
        var method = twin.GetType(typeof(NotebookSetup).FullName!)!.GetMethod(nameof(InitializeHere), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (string)method.Invoke(null, [unified])!;
    }

    private static string InitializeHere(string? unified)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        string? shim = PreloadPatchedTorchShim();
        NotebookFormatters.Register(plotlyMimeToo: MicrosoftKernel.IsPolyglotNotebooks);
        string plotly = WritePlotly();
        string? interrupt = MicrosoftKernel.Attach();
        using var probe = TorchSharp.torch.ones(2, 2);
        return $"LowRankSparse ready: TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}, " +
               $"{TorchSharp.torch.get_num_threads()} threads{(shim is null ? "" : ", shim " + shim)}{(unified is null ? "" : "; " + unified)}; " + plotly +
               (interrupt is null ? "" : "; " + interrupt);
    }

    /// <summary>plotly.js into the current folder (the notebook's in Jupyter), where chart outputs look for it; a read-only folder is no error.</summary>
    private static string WritePlotly()
    {
        try
        {
            return $"charts load {Path.GetFileName(PlotlyAssets.WriteInto(Environment.CurrentDirectory))} from the notebook's folder";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"could not write {PlotlyAssets.FileName} into {Environment.CurrentDirectory} ({e.Message}): charts draw only where the host brings plotly.js";
        }
    }

    private static string? PreloadPatchedTorchShim()
    {
        string dir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location) ?? "";
        foreach (string candidate in new[] { Path.Combine(dir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"), Path.Combine(dir, "libLibTorchSharp.so") })
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out _)) return candidate;
        return null;
    }
}
