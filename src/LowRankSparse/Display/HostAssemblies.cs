using System.Reflection;
using System.Runtime.Loader;

namespace LowRankSparse.Display;

/// <summary>
/// Keeps Plotly.NET and its F# dependencies on one FSharp.Core in hosts that load each referenced file in its own load context.
/// Microsoft's .NET Interactive kernel ships FSharp.Core 10.0 in its default context; Plotly.NET 6.0.0 needs 10.1, so the kernel's
/// script loader gives Plotly.NET the build output's FSharp.Core 10.1 while Giraffe.ViewEngine (which asks for 5.0) gets the
/// kernel's 10.0, and Plotly.NET's static initialiser fails with MissingMethodException (Giraffe.ViewEngine.Attributes.get__id).
/// The fix: before anything touches Plotly.NET, load the F# side of the build output (FSharp.Core, Giraffe.ViewEngine, DynamicObj,
/// Plotly.NET, Plotly.NET.CSharp) into the library's own load context, whose name cache then answers every later request for them.
/// In a host that loads the library into the default context (our runner and kernel, apps, tests) this does nothing.
/// </summary>
public static class HostAssemblies
{
    /// <summary>The assemblies that must share one FSharp.Core, in dependency order.</summary>
    public static IReadOnlyList<string> FSharpSide { get; } = ["FSharp.Core", "DynamicObj", "Giraffe.ViewEngine", "Plotly.NET", "Plotly.NET.CSharp"];

    /// <summary>What <see cref="Unify"/> did, for the setup message: null when nothing was needed.</summary>
    public static string? Unify()
    {
        var library = typeof(HostAssemblies).Assembly;
        var context = AssemblyLoadContext.GetLoadContext(library);
        if (context is null || context == AssemblyLoadContext.Default) return null;
        string folder = Path.GetDirectoryName(library.Location) ?? "";
        string ours = Path.Combine(folder, "FSharp.Core.dll");
        var hosts = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
        if (!File.Exists(ours) || hosts is null || hosts.GetName().Version >= AssemblyName.GetAssemblyName(ours).Version) return null;
        var loaded = new List<string>();
        foreach (string name in FSharpSide)
        {
            string path = Path.Combine(folder, name + ".dll");
            if (!File.Exists(path) || context.Assemblies.Any(a => a.GetName().Name == name)) continue;
            context.LoadFromAssemblyPath(path);
            loaded.Add(name);
        }
        return loaded.Count == 0 ? null : $"{string.Join(", ", loaded)} loaded beside the library (the host has FSharp.Core {hosts.GetName().Version})";
    }
}
