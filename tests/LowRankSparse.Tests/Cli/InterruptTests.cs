using LowRankSparse.Tests.Interactive;

namespace LowRankSparse.Tests.Cli;

/// <summary>Ctrl+C (SIGINT) stops a run between steps with exit code 130 and never leaves a results.json that looks complete.</summary>
public class InterruptTests
{
    [Fact]
    public void Sigint_during_reproduce_cancels_cleanly_and_keeps_no_half_written_results()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "LowRankSparse.Cli.dll");
        string outDir = TestPaths.NewTempDir("interrupt");
        File.WriteAllText(Path.Combine(outDir, "results.json"), "{\"previous\": true}");   // an earlier run's complete output
        using var process = ChildProcess.Start("dotnet", [cli, "reproduce", "--quick", "--out", outDir], TestPaths.RepoRoot);
        process.WaitForErrorLine(l => l.StartsWith("train seeds", StringComparison.Ordinal), TimeSpan.FromMinutes(5),
            "the first stage never finished");                                       // the run is well under way
        Assert.Equal(0, ChildProcess.Run("kill", ["-INT", process.Id.ToString()], timeout: TimeSpan.FromSeconds(30)).ExitCode);
        var stopped = process.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.Equal(130, stopped.ExitCode);
        Assert.Contains("cancelled", stopped.Error);
        Assert.DoesNotContain("   at ", stopped.Error);
        string results = Path.Combine(outDir, "results.json");
        Assert.True(!File.Exists(results) || File.ReadAllText(results) == "{\"previous\": true}", "results.json must be the previous one or absent");
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp-*", SearchOption.AllDirectories));
    }
}
