using System.Text.RegularExpressions;

namespace LowRankSparse.Interactive.Tests;

/// <summary>
/// Fresh temp folders for tests, all under one folder per test process (<c>lowranksparse-tests/run-PID-…</c> in the system temp folder),
/// which is deleted when the process exits — when its exit handlers run: the host tests' process was seen to end without it (its 111 MB
/// folder stayed). Whatever a process leaves behind, the next test process deletes: every run folder whose process is gone, and the flat
/// folders of older versions of these tests. So at most the last run's folders remain. Before this, every
/// test run left its folders behind: 26 GB in 5 400 folders on the development machine after a few days, until the disk was full (2026-12-07).
/// Linked into the library tests too (LowRankSparse.Tests.csproj), so both test projects share it.
/// </summary>
public static class TestTempDirs
{
    private static readonly Lazy<string> Root = new(CreateRoot, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Regex RunFolder = new(@"^run-(\d+)-[0-9a-f]{32}$", RegexOptions.CultureInvariant);

    /// <summary>The parent of every test process's folder.</summary>
    public static string Parent => Path.Combine(Path.GetTempPath(), "lowranksparse-tests");

    /// <summary>This test process's folder (created on first use, deleted at exit).</summary>
    public static string ProcessRoot => Root.Value;

    /// <summary>A new empty folder named after <paramref name="name"/>, inside <see cref="ProcessRoot"/>.</summary>
    public static string New(string name)
    {
        string dir = Path.Combine(ProcessRoot, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Deletes the folders under <paramref name="parent"/> that no running process owns: run folders whose process id is not running, and
    /// folders of the older flat layout (no owner recorded) last written more than <paramref name="legacyAge"/> ago. Returns how many.
    /// </summary>
    public static int RemoveAbandoned(string parent, Func<int, bool> isRunning, TimeSpan legacyAge)
    {
        if (!Directory.Exists(parent)) return 0;
        int removed = 0;
        foreach (var dir in new DirectoryInfo(parent).EnumerateDirectories())
        {
            var m = RunFolder.Match(dir.Name);
            bool abandoned = m.Success
                ? !isRunning(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                : DateTime.UtcNow - dir.LastWriteTimeUtc > legacyAge;
            if (abandoned && TryDelete(dir.FullName)) removed++;
        }
        return removed;
    }

    /// <summary>True when a process with this id runs (Linux: /proc/ID; elsewhere asked of the OS).</summary>
    public static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string CreateRoot()
    {
        RemoveAbandoned(Parent, IsRunning, TimeSpan.FromHours(6));
        string root = Path.Combine(Parent, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    private static bool TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;   // in use or not ours: left for a later run
        }
    }
}
