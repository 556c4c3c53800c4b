namespace LowRankSparse.Tests;

/// <summary>Locations in the repository, found from the test binary's folder.</summary>
public static class TestPaths
{
    /// <summary>The repository root, found by the engine tests' <see cref="LowRankSparse.Interactive.Tests.TestPaths"/> (linked into this project).</summary>
    public static string RepoRoot => LowRankSparse.Interactive.Tests.TestPaths.RepoRoot;

    public static string Configs => Path.Combine(RepoRoot, "data", "configs");
    /// <summary>The theory regime's quick config (what <c>reproduce --quick</c> and the notebooks' quick mode use).</summary>
    public static string QuickConfig => Path.Combine(Configs, "quick.json");
    /// <summary>The default config: the theory regime (issue #23).</summary>
    public static string TheoryConfig => Path.Combine(Configs, "theory.json");
    /// <summary>The earlier quick config, outside the theory's conditions (W_O alone solves its task): fast, for tests of the machinery.</summary>
    public static string EasyQuickConfig => Path.Combine(Configs, "easy-quick.json");
    /// <summary>The earlier default, outside the theory's conditions; the independent implementation's golden numbers were measured on it.</summary>
    public static string EasyConfig => Path.Combine(Configs, "easy.json");
    public static string Notebooks => Path.Combine(RepoRoot, "notebooks");

    /// <summary>A new empty temp folder, deleted with this test process's folder at exit (<see cref="LowRankSparse.Interactive.Tests.TestTempDirs"/>).</summary>
    public static string NewTempDir(string name) => LowRankSparse.Interactive.Tests.TestTempDirs.New(name);
}
