namespace LowRankSparse.Interactive.Engine;

/// <summary>Settings of one engine session.</summary>
/// <param name="BaseDirectory">Folder that relative <c>#r "path.dll"</c> directives resolve against (the notebook's folder).</param>
/// <param name="InterruptGrace">How long an interrupted or timed-out cell may take to stop before its thread is abandoned.</param>
public sealed record EngineOptions(string BaseDirectory, TimeSpan InterruptGrace)
{
    public static EngineOptions For(string baseDirectory) => new(Path.GetFullPath(baseDirectory), TimeSpan.FromSeconds(1));
}
