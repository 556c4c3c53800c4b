using System.Diagnostics;

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
        var start = new ProcessStartInfo("dotnet", new[] { cli, "reproduce", "--quick", "--out", outDir, "--force" })
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        using var process = Process.Start(start)!;
        string? line;
        while ((line = process.StandardError.ReadLine()) is not null && !line.StartsWith("train ", StringComparison.Ordinal)) { }
        Assert.NotNull(line);   // the first stage finished: the run is well under way
        Assert.Equal(0, Kill(process.Id, "INT"));
        string rest = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the process did not stop after SIGINT");

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled", rest);
        Assert.DoesNotContain("   at ", rest);
        string results = Path.Combine(outDir, "results.json");
        Assert.True(!File.Exists(results) || File.ReadAllText(results) == "{\"previous\": true}", "results.json must be the previous one or absent");
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp-*", SearchOption.AllDirectories));
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start("kill", new[] { "-" + signal, pid.ToString() })!;
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
