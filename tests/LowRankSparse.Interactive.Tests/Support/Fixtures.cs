namespace LowRankSparse.Interactive.Tests;

/// <summary>The fixture notebooks, copied into a fresh temp folder per test (runs write next to them and may change them).</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "LowRankSparse.Interactive.Tests", "Fixtures");

    /// <summary>Copies the named fixtures (e.g. "demo") into a new temp folder and returns that folder.</summary>
    public static string Copy(params string[] names)
    {
        string dir = TestPaths.NewTempDir("notebooks");
        foreach (string name in names) File.Copy(Path.Combine(Folder, name + ".ipynb"), Path.Combine(dir, name + ".ipynb"));
        return dir;
    }

    public static string Write(string folder, string name, string json)
    {
        string path = Path.Combine(folder, name + ".ipynb");
        File.WriteAllText(path, json);
        return path;
    }
}
