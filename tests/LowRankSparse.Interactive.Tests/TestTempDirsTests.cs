namespace LowRankSparse.Interactive.Tests;

/// <summary>The test folders are cleaned up (they once filled the disk): a test process's folders live in its own run folder, and a later
/// process removes run folders whose process is gone and old folders of the flat layout, never a running process's folder.</summary>
public sealed class TestTempDirsTests
{
    [Fact]
    public void Folders_of_processes_that_are_gone_and_old_flat_folders_are_removed_and_nothing_else()
    {
        string parent = Path.Combine(Path.GetTempPath(), $"lowranksparse-tempdirs-{Guid.NewGuid():N}");
        try
        {
            string Make(string name)
            {
                string d = Path.Combine(parent, name);
                Directory.CreateDirectory(d);
                File.WriteAllText(Path.Combine(d, "f.txt"), "x");
                return d;
            }
            string gone = Make($"run-1001-{Guid.NewGuid():N}");
            string running = Make($"run-1002-{Guid.NewGuid():N}");
            string oldFlat = Make($"notebook-{Guid.NewGuid():N}");
            Directory.SetLastWriteTimeUtc(oldFlat, DateTime.UtcNow.AddDays(-2));
            string newFlat = Make($"notebook-{Guid.NewGuid():N}");

            int removed = TestTempDirs.RemoveAbandoned(parent, pid => pid == 1002, TimeSpan.FromHours(6));

            Assert.Equal(2, removed);
            Assert.False(Directory.Exists(gone));
            Assert.False(Directory.Exists(oldFlat));
            Assert.True(Directory.Exists(running));
            Assert.True(Directory.Exists(newFlat));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void A_new_folder_lies_in_this_process_s_run_folder()
    {
        string dir = TestTempDirs.New("probe");
        Assert.True(Directory.Exists(dir));
        Assert.Equal(TestTempDirs.ProcessRoot, Path.GetDirectoryName(dir));
        Assert.StartsWith($"run-{Environment.ProcessId}-", Path.GetFileName(TestTempDirs.ProcessRoot));
        Assert.True(TestTempDirs.IsRunning(Environment.ProcessId));
    }
}
