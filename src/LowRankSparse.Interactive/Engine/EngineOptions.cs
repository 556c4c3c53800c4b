using LowRankSparse.Hosting;

namespace LowRankSparse.Interactive.Engine;

/// <summary>Settings of one engine session.</summary>
/// <param name="BaseDirectory">Folder that relative <c>#r "path.dll"</c> directives resolve against (the notebook's folder).</param>
/// <param name="InterruptGrace">How long an interrupted or timed-out cell may take to stop before its thread is abandoned.</param>
/// <param name="Host">The library the notebooks use (formatters, per-cell cancellation, packages); <see cref="PlainHost"/> when none.</param>
public sealed record EngineOptions(string BaseDirectory, TimeSpan InterruptGrace, INotebookHost Host)
{
    public static EngineOptions For(string baseDirectory, INotebookHost? host = null) =>
        new(Path.GetFullPath(baseDirectory), TimeSpan.FromSeconds(1), host ?? PlainHost.Instance);
}
