using System.Reflection;

namespace LowRankSparse.Hosting;

/// <summary>The host's side of a notebook's references.</summary>
/// <param name="Assemblies">Referenced by every cell (the loaded copies: a <c>#r</c> of one of them never loads a second).</param>
/// <param name="Imports">Namespaces imported in every cell beyond the engine's own (System, System.Linq, …).</param>
/// <param name="Packages">What <c>#r "nuget: …"</c> may name.</param>
/// <param name="App">How a notebook becomes a file-based app (<c>notebooks export --to app</c>); null: the host cannot export.</param>
public sealed record HostPackages(
    IReadOnlyList<Assembly> Assemblies, IReadOnlyList<string> Imports, IReadOnlyList<KnownPackage> Packages, AppExport? App)
{
    public static HostPackages None { get; } = new([], [], [], null);
}
