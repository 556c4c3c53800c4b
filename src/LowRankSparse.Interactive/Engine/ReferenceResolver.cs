using System.Reflection;
using LowRankSparse.Hosting;
using Microsoft.CodeAnalysis;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// Applies a cell's <c>#r</c> directives. A package must be one the host brings (<see cref="KnownPackages"/>). A path whose assembly name is
/// already loaded in the host (e.g. the notebook's <c>#r "../src/LowRankSparse/bin/Debug/net10.0/LowRankSparse.dll"</c>, there
/// for VS Code Polyglot) is satisfied by the loaded copy, even if that build output is absent; a second copy is never loaded.
/// Any other path must exist and is referenced from disk.
/// </summary>
internal sealed class ReferenceResolver(string baseDirectory, HostPackages host)
{
    public IEnumerable<MetadataReference> Resolve(IReadOnlyList<CellDirective> directives)
    {
        host.Check(directives);
        foreach (var directive in directives.OfType<ReferenceDirective>())
        {
            var reference = Resolve(directive);
            if (reference is not null) yield return reference;
        }
    }

    private MetadataReference? Resolve(ReferenceDirective directive)
    {
        string full = Path.GetFullPath(Path.Combine(baseDirectory, directive.Path));
        string simpleName = Path.GetFileNameWithoutExtension(full);
        if (ScriptDefaults.Assemblies(host).Any(a => a.GetName().Name == simpleName)) return null;  // referenced already
        var loaded = Loaded(simpleName);
        if (loaded is not null) return DocumentedReference.FromFile(loaded.Location);
        if (!File.Exists(full))
            throw new DirectiveException(directive.Line, $"line {directive.Line}: #r \"{directive.Path}\": file not found ({full})" +
                (IsBuildOutput(full) ? "; it is a build output: run `dotnet build` in the repository root first" : ""));
        return DocumentedReference.FromFile(full);
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Contains("bin", StringComparer.Ordinal);

    private static Assembly? Loaded(string simpleName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.Location.Length > 0 && a.GetName().Name == simpleName);
}
