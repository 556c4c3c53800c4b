namespace LowRankSparse.Export;

/// <summary>
/// The headless browser that draws static figures: the file named by <see cref="Variable"/> when it is set, otherwise the first
/// of <see cref="Names"/> on PATH (Debian's <c>chromium</c>). Nothing is downloaded; when none is found, <see cref="Find"/> is
/// null and <see cref="Missing"/> says in one line what to install or set.
/// </summary>
public static class Chromium
{
    public const string Variable = "LOWRANKSPARSE_CHROMIUM";

    public static IReadOnlyList<string> Names { get; } = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The full path of the browser, or null.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen) return IsExecutable(chosen) ? Path.GetFullPath(chosen) : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(IsExecutable);
    }

    /// <summary>Why <see cref="Find"/> found nothing, and the fix.</summary>
    public static string Missing() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen
            ? $"{Variable} = \"{chosen}\": not an executable file; static figures need Chromium or Chrome (apt-get install chromium), or unset {Variable} to search PATH"
            : $"static figures need Chromium and none was found ({string.Join(", ", Names)} on PATH); install it: apt-get install chromium (or set {Variable} to a Chromium or Chrome executable)";

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
