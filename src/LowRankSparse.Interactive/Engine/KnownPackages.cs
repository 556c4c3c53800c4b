namespace LowRankSparse.Interactive.Engine;

/// <summary>A NuGet package the engine already references (through the LowRankSparse library), so <c>#r "nuget: …"</c> is satisfied.</summary>
/// <param name="Version">The version the library uses; null for the LowRankSparse project itself.</param>
/// <param name="ExportAs">Packages an exported app lists instead (TorchSharp-cpu would pull macOS and Windows libtorch too).</param>
public sealed record KnownPackage(string Name, string? Version, IReadOnlyList<string> ExportAs);

/// <summary>The packages a notebook may name; the engine never downloads anything.</summary>
public static class KnownPackages
{
    public const string Library = "LowRankSparse";

    public static IReadOnlyList<KnownPackage> All { get; } =
    [
        new("TorchSharp", "0.107.0", ["TorchSharp"]),
        new("TorchSharp-cpu", "0.107.0", ["TorchSharp", "libtorch-cpu-linux-x64"]),
        new("libtorch-cpu-linux-x64", "2.10.0", ["libtorch-cpu-linux-x64"]),
        new("Plotly.NET", "6.0.0", ["Plotly.NET"]),
        new("Plotly.NET.CSharp", "0.14.0", ["Plotly.NET.CSharp"]),
        new("MathNet.Numerics", "5.0.0", ["MathNet.Numerics"]),
        new("Microsoft.DotNet.Interactive.Formatting", "1.0.0-beta.23562.1", ["Microsoft.DotNet.Interactive.Formatting"]),
        new(Library, null, []),
    ];

    public static KnownPackage? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The version to pin when exporting <paramref name="name"/> (one of the ExportAs names).</summary>
    public static string VersionOf(string name) => Find(name)?.Version ?? throw new ArgumentException($"no version for package '{name}'");

    public static string UnknownMessage(string name) =>
        $"unknown package '{name}': this runner never downloads; available: {string.Join(", ", All.Select(p => p.Name))}";
}
