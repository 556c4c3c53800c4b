namespace LowRankSparse.Hosting;

/// <summary>A NuGet package the host already brings, so <c>#r "nuget: …"</c> is satisfied (the engine never downloads).</summary>
/// <param name="Version">The version the host uses; null for the host's own library.</param>
/// <param name="ExportAs">Packages an exported app lists instead (e.g. TorchSharp-cpu would pull macOS and Windows natives too).</param>
public sealed record KnownPackage(string Name, string? Version, IReadOnlyList<string> ExportAs);
