namespace LowRankSparse.Interactive.Tests;

/// <summary>Locations in the repository, found from the test binary's folder, and fresh temp folders.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The repository's notebooks (read as files only: no test here runs them).</summary>
    public static string Notebooks => Path.Combine(RepoRoot, "notebooks");

    /// <summary>A new empty temp folder, deleted with this test process's folder at exit (<see cref="TestTempDirs"/>).</summary>
    public static string NewTempDir(string name) => TestTempDirs.New(name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LowRankSparse.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("LowRankSparse.sln not found above " + AppContext.BaseDirectory);
    }
}
