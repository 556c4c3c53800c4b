using System.Reflection;
using System.Runtime.CompilerServices;
using LowRankSparse.Hosting;
using Microsoft.CodeAnalysis;

namespace LowRankSparse.Interactive.Engine;

/// <summary>What every cell can use without a directive: the .NET framework, the engine's globals and formatter registry, and
/// what the host brings (its library and the packages it uses).</summary>
public static class ScriptDefaults
{
    /// <summary>Namespaces imported in every session (and written as usings at the top of an exported app), before the host's.</summary>
    public static IReadOnlyList<string> EngineImports { get; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> Framework = new(() => LoadFramework().ToList());
    private static readonly ConditionalWeakTable<HostPackages, IReadOnlyList<MetadataReference>> PerHost = new();

    public static IReadOnlyList<string> Imports(HostPackages host) => [.. EngineImports, .. host.Imports];

    /// <summary>The assemblies every cell references: the engine's and the host's (the loaded copies: never a second one).</summary>
    public static IReadOnlyList<Assembly> Assemblies(HostPackages host) =>
        [typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly, typeof(NotebookGlobals).Assembly, .. host.Assemblies];

    /// <summary>Created once per host: Roslyn then reads each assembly's metadata once for all sessions.</summary>
    public static IReadOnlyList<MetadataReference> References(HostPackages host) =>
        PerHost.GetValue(host, h => Framework.Value.Concat(Assemblies(h).Distinct().Select(a => (MetadataReference)DocumentedReference.FromFile(a.Location))).ToList());

    /// <summary>The shared framework's assemblies (System.*, netstandard, …) from the host's trusted platform list.</summary>
    private static IEnumerable<MetadataReference> LoadFramework()
    {
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        return tpa.Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
    }
}
