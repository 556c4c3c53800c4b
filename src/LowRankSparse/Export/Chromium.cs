namespace LowRankSparse.Export;

/// <summary>
/// The headless browser that draws static figures: Debian's <c>chromium</c> (or Chromium/Chrome under another name) found on
/// PATH. Nothing is downloaded; when none is installed, <see cref="Find"/> is null and <see cref="Missing"/> says how to get one.
/// </summary>
public static class Chromium
{
    public static IReadOnlyList<string> Names { get; } = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public const string Missing = "static figures need Chromium (chromium, chromium-browser or google-chrome on PATH) and none was found; install it: apt-get install chromium";

    /// <summary>The full path of the first browser on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(IsExecutable);

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
