using System.Reflection;
using Microsoft.CodeAnalysis;

namespace LowRankSparse.Interactive.Engine;

/// <summary>What every cell can use without a directive: the .NET framework, the library and the packages it brings.</summary>
public static class ScriptDefaults
{
    /// <summary>Namespaces imported in every session (and written as usings at the top of an exported app).</summary>
    public static IReadOnlyList<string> Imports { get; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks",
        "TorchSharp",
    ];

    /// <summary>The assemblies behind <see cref="KnownPackages"/> (the loaded copies: never a second one).</summary>
    public static IReadOnlyList<Assembly> PackageAssemblies { get; } =
    [
        typeof(TorchSharp.torch).Assembly,
        typeof(Plotly.NET.GenericChart).Assembly,
        typeof(Plotly.NET.CSharp.Chart).Assembly,
        typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly,
        typeof(MathNet.Numerics.LinearAlgebra.Matrix<>).Assembly,
        typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly,
        typeof(Display.NotebookFormatters).Assembly,
        typeof(NotebookGlobals).Assembly,
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(() =>
        LoadFramework().Concat(PackageAssemblies.Select(a => (MetadataReference)DocumentedReference.FromFile(a.Location))).ToList());

    /// <summary>Created once per process: Roslyn then reads each assembly's metadata once for all sessions.</summary>
    public static IReadOnlyList<MetadataReference> References => All.Value;

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
