using System.Text.Json;
using System.Text.Json.Nodes;
using LowRankSparse.Config;

namespace LowRankSparse.Tests.Cli;

public class TrainCommandTests
{
    private static JsonObject Train(string outDir, params string[] extra)
    {
        var r = CliRunner.Run(new[] { "train", "--config", "data/configs/quick.json", "--out", outDir }.Concat(extra).ToArray());
        Assert.True(r.ExitCode == 0, r.Err);
        return (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")))!;
    }

    [Fact]
    public void Results_json_has_the_documented_keys_and_reruns_are_bit_identical_apart_from_timings()
    {
        var first = Train(TestPaths.NewTempDir("train"));
        var second = Train(TestPaths.NewTempDir("train"));
        foreach (var key in new[] { "config", "train_accuracy", "test_accuracy", "test_loss", "train_seconds", "steps", "w_o_row_norms", "lucky_fraction", "run" })
            Assert.True(first.ContainsKey(key), key);
        foreach (var w in new[] { "W_Q", "W_K", "W_V", "W_O" })
            foreach (var key in new[] { "singular_values", "top_k_energy", "label_relevant_energy", "label_relevant_energy_output", "stable_rank", "rank_at_99_energy" })
                Assert.True(first["weights"]![w]!.AsObject().ContainsKey(key), $"{w}.{key}");
        Assert.Equal(1.0, first["test_accuracy"]!.GetValue<double>(), 2);
        Assert.False(string.IsNullOrEmpty(first["run"]!["torch_sharp_version"]!.GetValue<string>()));

        foreach (var timing in new[] { "train_seconds", "steps_per_second" })
        {
            first.Remove(timing);
            second.Remove(timing);
        }
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    /// <summary>
    /// The default config is a name, found from anywhere: run as a process from a folder outside the repository with no --config, the
    /// CLI trains the theory config (its default was the path data/configs/theory.json, read relative to the working folder: "config
    /// file ... does not exist" from any folder but the repository's root; the in-process <see cref="CliRunner"/> runs from the root).
    /// </summary>
    [Fact]
    public void Without_config_the_cli_trains_the_theory_config_from_a_folder_outside_the_repository()
    {
        string folder = TestPaths.NewTempDir("train-elsewhere");
        Assert.False(Path.GetFullPath(folder).StartsWith(Path.GetFullPath(TestPaths.RepoRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var run = Interactive.CliProcess.Run(folder, "train", "--set", "training.steps=20", "--out", "out");
        Assert.True(run.ExitCode == 0, run.Output);
        var result = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "results.json")))!;
        var theory = ConfigLoader.Load("default");
        Assert.Equal(theory.Data.Tokens, result["config"]!["data"]!["tokens"]!.GetValue<int>());
        Assert.Equal(theory.Model.Neurons, result["config"]!["model"]!["neurons"]!.GetValue<int>());
        Assert.Equal(40, theory.Data.Tokens);                                    // the theory config, not the built-in defaults
        Assert.Equal(20, result["steps"]!.GetValue<int>());
    }

    [Fact]
    public void Overrides_reach_the_run_and_the_output_folder_can_be_reused_for_the_same_command()
    {
        string dir = TestPaths.NewTempDir("train");
        var result = Train(dir, "--set", "training.steps=20");
        Assert.Equal(20, result["steps"]!.GetValue<int>());
        Assert.Equal(20, result["config"]!["training"]!["steps"]!.GetValue<int>());
        Train(dir, "--set", "training.steps=20");   // its own results.json does not need --force
    }
}
