using System.Text.Json.Nodes;
using LowRankSparse.Tests.Cli;
using LowRankSparse.Tests.Interactive;
using LowRankSparse.Util;

namespace LowRankSparse.Tests.Phase;

/// <summary>
/// A small grid (quick config, 60 steps, δ ∈ {0.5, 1} × τ ∈ {0, 0.1, 0.2}, 2 seeds: 6 cells in 3 items of 2 cells) run as shards 0/2
/// and 1/2 in two separate processes of the CLI and as one run: merged, the shards give the unsharded run's cells, boundaries and
/// CSVs bit for bit. Bad shard specs and bad merges stop with exit code 2, one message naming the problem and nothing written.
/// </summary>
public class PhaseShardTests : IClassFixture<PhaseShardTests.Runs>
{
    private static readonly string[] Grid =
    [
        "--config", "quick", "--set", "training.steps=60", "--x", "qk_init_scale", "--x-range", "0.5,1", "--y", "noise", "--y-range", "0,0.1,0.2", "--seeds", "2",
    ];

    public sealed class Runs
    {
        public Runs()
        {
            Root = TestPaths.NewTempDir("phase-shards");
            using (var first = ChildProcess.Start("dotnet", [CliProcess.Dll, "phase", .. Grid, "--shard", "0/2", "--out", Shard(0)], TestPaths.RepoRoot))
            using (var second = ChildProcess.Start("dotnet", [CliProcess.Dll, "phase", .. Grid, "--shard", "1/2", "--out", Shard(1)], TestPaths.RepoRoot))
            {
                ShardRuns = new[] { first.WaitForExit(TimeSpan.FromMinutes(5)), second.WaitForExit(TimeSpan.FromMinutes(5)) }.Select(r => (r.ExitCode, r.Output)).ToList();
            }
            Whole = CliRunner.Run(["phase", .. Grid, "--out", Path.Combine(Root, "whole")]);
            Merged = CliRunner.Run("phase", "merge", Shard(1), Shard(0), "--out", Path.Combine(Root, "merged"));
        }

        public string Root { get; }
        public string Shard(int i) => Path.Combine(Root, $"shard-{i}");
        public IReadOnlyList<(int ExitCode, string Output)> ShardRuns { get; }
        public CliRunner.Result Whole { get; }
        public CliRunner.Result Merged { get; }
    }

    private readonly Runs _runs;

    public PhaseShardTests(Runs runs) => _runs = runs;

    private static JsonObject Results(string dir) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "results.json")))!;

    [Fact]
    public void Two_shards_in_two_processes_merge_to_the_unsharded_run_bit_for_bit()
    {
        Assert.All(_runs.ShardRuns, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.True(_runs.Whole.ExitCode == 0, _runs.Whole.Err);
        Assert.True(_runs.Merged.ExitCode == 0, _runs.Merged.Err);
        string whole = Path.Combine(_runs.Root, "whole"), merged = Path.Combine(_runs.Root, "merged");

        var (a, b) = (Results(whole), Results(merged));
        Assert.Equal(6, a["cells"]!.AsArray().Count);
        foreach (var key in a.Select(p => p.Key).Where(k => k != "timing"))
            Assert.True(JsonNode.DeepEquals(a[key], b[key]), $"results.json \"{key}\" differs between the merged shards and the unsharded run");
        Assert.Equal(a.Select(p => p.Key), b.Select(p => p.Key));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "cells.csv")), File.ReadAllBytes(Path.Combine(merged, "cells.csv")));
        var figures = Directory.GetFiles(Path.Combine(whole, "figures")).Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(figures);
        Assert.Equal(figures, Directory.GetFiles(Path.Combine(merged, "figures")).Select(Path.GetFileName).Order());
        foreach (string f in figures) Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "figures", f!)), File.ReadAllBytes(Path.Combine(merged, "figures", f!)));
        Assert.True(File.Exists(Path.Combine(merged, "phase.html")));
        Assert.True(b["timing"]!["train_ms_per_computed_seed_step"]!.GetValue<double>() > 0);   // the shards' timings, combined
    }

    [Fact]
    public void Each_shard_writes_only_its_share_and_the_shares_cover_the_grid_once()
    {
        var cells = new List<(int, int)>();
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(["shard.json"], Directory.GetFileSystemEntries(_runs.Shard(i)).Select(Path.GetFileName));   // no page: it needs every cell
            var shard = JsonNode.Parse(File.ReadAllText(Path.Combine(_runs.Shard(i), "shard.json")))!;
            Assert.Equal(i, shard["shard"]!.GetValue<int>());
            Assert.Equal(2, shard["shards"]!.GetValue<int>());
            var own = shard["grid"]!["cells"]!.AsArray().Select(c => (c!["ix"]!.GetValue<int>(), c["iy"]!.GetValue<int>())).ToList();
            Assert.NotEmpty(own);
            cells.AddRange(own);
        }
        Assert.Equal(6, cells.Count);
        Assert.Equal(6, cells.Distinct().Count());
    }

    public static TheoryData<string, string> BadShards() => new()
    {
        { "2/2", "the shard index I = 2 must be in [0, N − 1] = [0, 1]" },
        { "5/3", "the shard index I = 5 must be in [0, N − 1] = [0, 2]" },
        { "0/0", "the number of shards N = 0 must be ≥ 1" },
        { "0/-2", "the number of shards N = -2 must be ≥ 1" },
        { "-1/2", "expected I/N" },
        { "1", "expected I/N" },
        { "1/2/3", "expected I/N" },
        { "a/b", "expected I/N" },
    };

    [Theory]
    [MemberData(nameof(BadShards))]
    public void A_bad_shard_exits_2_naming_it_before_any_work(string shard, string message)
    {
        string outDir = Path.Combine(TestPaths.NewTempDir("phase-shard"), "out");
        var r = CliRunner.Run(["phase", .. Grid, "--shard", shard, "--out", outDir]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--shard = \"{shard}\": {message}", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void The_time_budget_of_a_shard_is_its_own_share()
    {
        var grid = new LowRankSparse.Phase.PhaseGrid(LowRankSparse.Config.ConfigLoader.Load(TestPaths.EasyConfig), LowRankSparse.Phase.PhaseAxis.Noise,
            LowRankSparse.Phase.PhaseAxis.Noise.DefaultValues, LowRankSparse.Phase.PhaseAxis.QkInitScale, LowRankSparse.Phase.PhaseAxis.QkInitScale.DefaultValues, Seeds: 3);
        var quarter = new LowRankSparse.Phase.PhaseShard(1, 4);
        double whole = grid.EstimatedSeconds(), share = grid.EstimatedSeconds(quarter);
        Assert.Equal(whole / 4, share, whole / 20);                          // 64 items of one shape dealt to 4 shards: 16 each
        var budgeted = grid with { BudgetSeconds = (share + whole) / 2 };
        var e = Assert.Throws<LowRankSparse.Util.ConfigException>(() => budgeted.Validated());
        Assert.DoesNotContain("for shard", e.Message);
        Assert.Same(budgeted, budgeted.Validated(quarter));
        var tight = grid with { BudgetSeconds = share / 2 };
        Assert.Contains("on 2 cores for shard 1/4, over the time budget", Assert.Throws<LowRankSparse.Util.ConfigException>(() => tight.Validated(quarter)).Message);
    }

    [Fact]
    public void Figures_of_a_shard_are_refused_they_need_every_cell()
    {
        string outDir = Path.Combine(TestPaths.NewTempDir("phase-shard"), "out");
        var r = CliRunner.Run(["phase", .. Grid, "--shard", "0/2", "--figures", "svg", "--out", outDir]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--figures with --shard", r.Err);
        Assert.False(Directory.Exists(outDir));
    }

    /// <summary>A copy of shard <paramref name="i"/>'s folder with its shard.json changed by <paramref name="edit"/>.</summary>
    private string Edited(int i, Action<JsonObject> edit)
    {
        string dir = TestPaths.NewTempDir("phase-shard-edited");
        var shard = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(_runs.Shard(i), "shard.json")))!;
        edit(shard);
        File.WriteAllText(Path.Combine(dir, "shard.json"), shard.ToJsonString());
        return dir;
    }

    [Fact]
    public void Merging_bad_shard_sets_exits_2_with_one_message_and_writes_nothing()
    {
        string empty = TestPaths.NewTempDir("phase-shard-empty");
        string broken = TestPaths.NewTempDir("phase-shard-broken");
        File.WriteAllText(Path.Combine(broken, "shard.json"), "{\"shard\": ");
        var cases = new (string[] Dirs, string Message)[]
        {
            ([_runs.Shard(0), _runs.Shard(0), _runs.Shard(1)], $"overlapping shards: shard 0/2 is given 2 times ({_runs.Shard(0)}, {_runs.Shard(0)})"),
            ([_runs.Shard(0), Edited(0, s => { })], "overlapping shards: shard 0/2 is given 2 times"),
            ([_runs.Shard(1)], $"missing shards: 0/2 (given: 1/2 in {_runs.Shard(1)})"),
            ([_runs.Shard(0), Edited(1, s => s["shards"] = 3)], "shards 2 → 3"),
            ([_runs.Shard(0), Edited(1, s => s["grid"]!["seeds"] = 3)], "seeds 2 → 3"),
            ([_runs.Shard(0), Edited(1, s => s["grid"]!["base_config"]!["data"]!["noise"] = 0.3)], "base_config.data.noise"),
            ([_runs.Shard(0), Edited(1, s => s["grid"]!["x_values"] = new JsonArray(0.5, 2))], "x_values [0.5,1] → [0.5,2]"),
            ([_runs.Shard(0), Edited(1, s => s["runs_per_item"] = 6)], "runs_per_item 4 → 6"),
            ([_runs.Shard(0), empty], $"shard folder = \"{empty}\": holds no shard.json"),
            ([_runs.Shard(0), broken], "is not a shard file this version can read"),
        };
        var intoShard = CliRunner.Run("phase", "merge", _runs.Shard(0), _runs.Shard(1), "--out", _runs.Shard(1));
        Assert.Equal(2, intoShard.ExitCode);
        Assert.Contains($"--out '{_runs.Shard(1)}' is the shard folder {_runs.Shard(1)}", intoShard.Err);
        Assert.Equal(["shard.json"], Directory.GetFileSystemEntries(_runs.Shard(1)).Select(Path.GetFileName));
        foreach (var (dirs, message) in cases)
        {
            string outDir = Path.Combine(TestPaths.NewTempDir("phase-merge"), "out");
            var r = CliRunner.Run(["phase", "merge", .. dirs, "--out", outDir]);
            Assert.True(r.ExitCode == 2, $"{message}: exit {r.ExitCode}, {r.Err}");
            Assert.Contains(message, r.Err);
            Assert.Single(r.Err.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", r.Err);
            Assert.False(Directory.Exists(outDir), $"{message}: the merge wrote {outDir}");
        }
        Assert.Contains("shards of different runs", CliRunner.Run("phase", "merge", _runs.Shard(0), Edited(1, s => s["grid"]!["seeds"] = 3)).Err);
    }
}
