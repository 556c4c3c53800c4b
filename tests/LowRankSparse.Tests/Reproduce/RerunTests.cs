using System.Diagnostics;
using System.Text.Json.Nodes;
using LowRankSparse.Experiments;
using LowRankSparse.Figures;
using LowRankSparse.Report;
using LowRankSparse.Tests.Cli;

namespace LowRankSparse.Tests.Reproduce;

/// <summary>
/// A rerun never silently replaces or loses an earlier run: other settings are refused without --force, the earlier run is
/// kept in previous/, and a process killed at any step of writing leaves either no results.json or a complete set.
/// </summary>
[Collection(QuickReproductionCollection.Name)]
public class RerunTests(QuickReproductionFixture quick)
{
    private ReproduceResults Run(string started, params string[] overrides) => quick.Results with
    {
        Provenance = Provenance.Of(quick.Options, ["reproduce", "--quick", .. overrides.SelectMany(o => new[] { "--set", o })], "data/configs/quick.json", overrides)
            with { StartedUtc = started },
    };

    private static string? Started(string resultsPath) =>
        File.Exists(resultsPath) ? JsonNode.Parse(File.ReadAllText(resultsPath))!["provenance"]!["started_utc"]!.GetValue<string>() : null;

    [Fact]
    public void A_rerun_keeps_the_earlier_run_complete_in_previous()
    {
        string dir = TestPaths.NewTempDir("rerun");
        Assert.Null(ReportFiles.Write(dir, Run("2026-01-01T00:00:01Z")));
        string? kept = ReportFiles.Write(dir, Run("2026-01-01T00:00:02Z", "data.noise=0.1"));
        Assert.Equal(Path.Combine(dir, "previous", "2026-01-01T00-00-01Z"), kept);
        Assert.Equal("2026-01-01T00:00:01Z", Started(Path.Combine(kept!, "results.json")));
        Assert.Contains("2026-01-01T00:00:01Z", File.ReadAllText(Path.Combine(kept!, "report.html")));
        Assert.Equal(Directory.GetFiles(Path.Combine(dir, "figures")).Length, Directory.GetFiles(Path.Combine(kept!, "figures")).Length);
        Assert.Equal("2026-01-01T00:00:02Z", Started(Path.Combine(dir, "results.json")));
    }

    [Fact]
    public void Killed_at_any_step_of_writing_the_folder_holds_no_results_or_a_complete_set_and_the_earlier_run_survives()
    {
        var (first, second, third) = (ReportFiles.Render(Run("2026-01-01T00:00:01Z")), ReportFiles.Render(Run("2026-01-01T00:00:02Z")),
            ReportFiles.Render(Run("2026-01-01T00:00:03Z")));
        var steps = new List<string>();
        ReportFiles.Step = steps.Add;
        try
        {
            string probe = TestPaths.NewTempDir("rerun");
            ReportFiles.Write(probe, first);
            ReportFiles.Write(probe, second);
        }
        finally
        {
            ReportFiles.Step = null;
        }
        Assert.Contains("archived results.json", steps);
        foreach (string kill in steps.Distinct())
        {
            string dir = TestPaths.NewTempDir("rerun");
            ReportFiles.Write(dir, first);
            ReportFiles.Step = s => { if (s == kill) throw new KilledHere(); };
            try
            {
                Assert.Throws<KilledHere>(() => ReportFiles.Write(dir, second));
            }
            finally
            {
                ReportFiles.Step = null;
            }

            string results = Path.Combine(dir, "results.json");
            if (File.Exists(results))   // a results.json in the folder vouches for its report and figures
            {
                Assert.Contains(Started(results)!, File.ReadAllText(Path.Combine(dir, "report.html")));
                Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "figures")));
            }
            var complete = Directory.Exists(Path.Combine(dir, "previous"))
                ? Directory.GetDirectories(Path.Combine(dir, "previous")).Where(d => !d.EndsWith(".partial", StringComparison.Ordinal)).ToList() : [];
            Assert.All(complete, d => Assert.True(File.Exists(Path.Combine(d, "results.json")), $"killed after '{kill}': {d} is incomplete"));
            bool earlierKept = Started(results) == "2026-01-01T00:00:01Z" || complete.Any(d => Started(Path.Combine(d, "results.json")) == "2026-01-01T00:00:01Z");
            Assert.True(earlierKept, $"killed after '{kill}': the earlier run is lost");

            ReportFiles.Write(dir, third);   // the next run cleans up what the killed one left
            Assert.Empty(Directory.GetDirectories(dir, ".incoming-*"));
            Assert.Empty(Directory.GetDirectories(Path.Combine(dir, "previous"), "*.partial"));
            Assert.Equal("2026-01-01T00:00:03Z", Started(results));
        }
    }

    private static List<string> Archived(string dir) => Directory.Exists(Path.Combine(dir, "previous"))
        ? Directory.GetDirectories(Path.Combine(dir, "previous")).Where(d => !d.EndsWith(".partial", StringComparison.Ordinal))
            .Select(d => Started(Path.Combine(d, "results.json"))).OfType<string>().Order(StringComparer.Ordinal).ToList()
        : [];

    [Fact]
    public void Previous_keeps_the_newest_runs_and_prunes_only_once_the_new_run_is_complete()
    {
        var runs = Enumerable.Range(1, 5).Select(i => ReportFiles.Render(Run($"2026-01-01T00:00:0{i}Z"))).ToList();
        string dir = TestPaths.NewTempDir("rerun");
        foreach (var r in runs.Take(4)) ReportFiles.Write(dir, r, keepPrevious: 2);
        Assert.Equal(["2026-01-01T00:00:02Z", "2026-01-01T00:00:03Z"], Archived(dir));   // run 1 pruned once run 4 was complete
        Directory.CreateDirectory(Path.Combine(dir, "previous", "my-notes"));            // not an archive: never touched

        var steps = new List<string>();
        string probe = TestPaths.NewTempDir("rerun");
        ReportFiles.Write(probe, runs[0]);
        ReportFiles.Step = steps.Add;
        try { ReportFiles.Write(probe, runs[1]); }
        finally { ReportFiles.Step = null; }
        Assert.Contains("pruned previous", steps);
        foreach (string kill in steps.Distinct().Where(s => s != "pruned previous"))
        {
            string killed = TestPaths.NewTempDir("rerun");
            foreach (var r in runs.Take(4)) ReportFiles.Write(killed, r, keepPrevious: 2);
            ReportFiles.Step = s => { if (s == kill) throw new KilledHere(); };
            try
            {
                Assert.Throws<KilledHere>(() => ReportFiles.Write(killed, runs[4], keepPrevious: 1));
            }
            finally
            {
                ReportFiles.Step = null;
            }
            // before run 5 is complete nothing is pruned: runs 2 and 3 are still there, and run 4 (being replaced) is in the folder or archived
            var kept = Archived(killed);
            Assert.Contains("2026-01-01T00:00:02Z", kept);
            Assert.Contains("2026-01-01T00:00:03Z", kept);
            Assert.True(Started(Path.Combine(killed, "results.json")) == "2026-01-01T00:00:04Z" || kept.Contains("2026-01-01T00:00:04Z"),
                $"killed after '{kill}': the run being replaced is lost");
        }

        ReportFiles.Write(dir, runs[4], keepPrevious: 1);
        Assert.Equal(["2026-01-01T00:00:04Z"], Archived(dir));                            // the replaced run, the newest archive
        Assert.True(Directory.Exists(Path.Combine(dir, "previous", "my-notes")));
        Assert.Equal("2026-01-01T00:00:05Z", Started(Path.Combine(dir, "results.json")));
        ReportFiles.Write(dir, runs[4], keepPrevious: 0);
        Assert.Empty(Archived(dir));
    }

    [Fact]
    public void A_negative_keep_previous_exits_2_naming_it()
    {
        string dir = Path.Combine(TestPaths.NewTempDir("rerun"), "out");
        var r = CliRunner.Run("reproduce", "--quick", "--keep-previous", "-1", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--keep-previous = -1: must be an integer ≥ 0", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Reproduce_refuses_an_out_holding_a_run_with_other_settings_and_names_each_difference()
    {
        string dir = TestPaths.NewTempDir("rerun");
        File.Copy(Path.Combine(quick.Folder, "results.json"), Path.Combine(dir, "results.json"));
        string before = File.ReadAllText(Path.Combine(dir, "results.json"));
        var r = CliRunner.Run("reproduce", "--quick", "--config", "easy-quick", "--set", "data.noise=0.1", "--seeds", "4", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--out '{dir}' holds a run with other settings (data.noise 0.05 → 0.1, seeds 3 → 4)", r.Err);
        Assert.Contains("--force", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "results.json")));

        File.WriteAllText(Path.Combine(dir, "results.json"), "{\"steps\": 20}");   // e.g. train's, or anything else
        var foreign = CliRunner.Run("reproduce", "--quick", "--out", dir);
        Assert.Equal(2, foreign.ExitCode);
        Assert.Contains("holds a results.json that is not a reproduce run's", foreign.Err);
    }

    [Fact]
    public void The_report_names_the_config_file_and_its_overrides_and_highlights_them()
    {
        var r = Run("2026-01-01T00:00:01Z", "data.noise=0.1");
        string html = HtmlReport.Render(r, ReportFigures.All(r));
        Assert.Contains("<title>LowRankSparse reproduction — quick.json (quick mode) with data.noise=0.1</title>", html);
        Assert.Contains("<tr class=\"override\" style=\"background:#fef3c7\"><td style=\"text-align:left;vertical-align:top\"><code>data.noise</code>", html);
        Assert.Contains("The config file's description, written for it without the overrides", html);
        Assert.Contains("reproduce --quick --set data.noise=0.1", html);

        string plain = HtmlReport.Render(quick.Results, ReportFigures.All(quick.Results));
        Assert.DoesNotContain("class=\"override\"", plain);
    }

    [Fact]
    public void Provenance_records_seeds_threads_and_the_checked_out_commit()
    {
        var p = Run("2026-01-01T00:00:01Z").Provenance!;
        Assert.Equal([0, 1, 2], p.Seeds.Training);
        Assert.Equal(quick.Options.Config.DataSeed, p.Seeds.DataSeed);
        Assert.Equal(1, p.Threads.PerOpInStages);
        string? git = GitRevParse();
        if (git is not null) Assert.Equal(git, Util.GitHead.Commit(TestPaths.RepoRoot));
        Assert.Null(Util.GitHead.Commit(Path.GetTempPath()));
    }

    private static string? GitRevParse()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", TestPaths.RepoRoot, "rev-parse", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;   // no git on PATH
        }
    }

    private sealed class KilledHere : Exception;
}
