using LowRankSparse.Hosting;

namespace LowRankSparse.Interactive.Engine;

/// <summary>The packages a notebook may name with <c>#r "nuget: …"</c>: those the host brings; the engine never downloads anything.</summary>
public static class KnownPackages
{
    public static KnownPackage? Find(this HostPackages host, string name) =>
        host.Packages.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The version to pin when exporting <paramref name="name"/> (one of the ExportAs names).</summary>
    public static string VersionOf(this HostPackages host, string name) =>
        host.Find(name)?.Version ?? throw new ArgumentException($"no version for package '{name}'");

    public static string UnknownMessage(this HostPackages host, string name) =>
        $"unknown package '{name}': this runner never downloads; available: {(host.Packages.Count == 0 ? "none" : string.Join(", ", host.Packages.Select(p => p.Name)))}";

    /// <summary>Throws <see cref="DirectiveException"/> for a <c>#r "nuget: …"</c> the host does not bring.</summary>
    public static void Check(this HostPackages host, IEnumerable<CellDirective> directives)
    {
        foreach (var nuget in directives.OfType<NugetDirective>())
            if (host.Find(nuget.Package) is null) throw new DirectiveException(nuget.Line, host.UnknownMessage(nuget.Package));
    }
}
