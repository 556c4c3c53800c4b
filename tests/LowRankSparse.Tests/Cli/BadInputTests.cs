namespace LowRankSparse.Tests.Cli;

/// <summary>
/// The catalogue of bad command-line input: each case gets one clear message naming the thing at fault, exit code 2 for
/// usage/config errors and 1 for run failures, and no stack trace (unless --verbose).
/// </summary>
public class BadInputTests
{
    public static TheoryData<string[], int, string> Cases()
    {
        string empty = TestPaths.NewTempDir("cli");
        string occupied = TestPaths.NewTempDir("cli");
        File.WriteAllText(Path.Combine(occupied, "notes.txt"), "mine");
        string malformed = Path.Combine(empty, "malformed.json");
        File.WriteAllText(malformed, "{ \"data\": { \"dim\": 16, }");
        string unknownKey = Path.Combine(empty, "unknown.json");
        File.WriteAllText(unknownKey, "{ \"training\": { \"epochs\": 3 } }");
        string wrongType = Path.Combine(empty, "type.json");
        File.WriteAllText(wrongType, "{ \"model\": { \"neurons\": \"many\" } }");
        string derived = Path.Combine(empty, "derived.json");
        File.WriteAllText(derived, "{ \"data_seed\": 42 }");
        string demo = Path.Combine(LowRankSparse.Interactive.Tests.Fixtures.Copy("demo"), "demo.ipynb");
        string aFile = Path.Combine(empty, "a-file");
        File.WriteAllText(aFile, "");
        string outDir = Path.Combine(empty, "out");
        return new TheoryData<string[], int, string>
        {
            { new[] { "frobnicate" }, 2, "Unrecognized command or argument 'frobnicate'" },
            { new[] { "train", "--bogus" }, 2, "Unrecognized command or argument '--bogus'" },
            { new[] { "reproduce", "--seeds", "many" }, 2, "many" },
            { new[] { "train", "--config", "no/such.json", "--out", outDir }, 2, "config file 'no/such.json' does not exist" },
            { new[] { "train", "--config", empty, "--out", outDir }, 2, "is a directory" },
            { new[] { "train", "--config", malformed, "--out", outDir }, 2, "is not valid JSON (line 1" },
            { new[] { "train", "--config", unknownKey, "--out", outDir }, 2, "unknown key 'training.epochs'" },
            { new[] { "train", "--config", wrongType, "--out", outDir }, 2, "model.neurons = \"many\": wrong type, expected an integer" },
            { new[] { "train", "--set", "training.steps", "--out", outDir }, 2, "expected section.key=value" },
            { new[] { "train", "--set", "model.width=3", "--out", outDir }, 2, "unknown key 'model.width'" },
            { new[] { "train", "--set", "data.relevant_fraction=0.02", "--out", outDir }, 2, "data.relevant_fraction = 0.02" },   // below α# = 0.025
            { new[] { "train", "--set", "data.confusion_fraction=0.9", "--out", outDir }, 2, "must be ≤ 1" },
            { new[] { "train", "--set", "data.num_label_relevant=5", "--out", outDir }, 2, "must be an even integer" },
            { new[] { "train", "--set", "training.batch_size=0", "--out", outDir }, 2, "training.batch_size = 0" },
            { new[] { "train", "--config", derived, "--out", outDir }, 2, "data_seed = 42: derived from training.seed × 7919 + 1, cannot be set" },
            { new[] { "train", "--set", "training.steps=0", "--out", outDir }, 2, "training.steps = 0: must be an integer ≥ 1" },
            { new[] { "train", "--set", "training.steps=100000000", "--set", "training.snapshot_every=0", "--out", outDir }, 2, "training.steps = 100000000: must be ≤ 1000000" },
            { new[] { "train", "--config", "nosuch", "--out", outDir }, 2, "config file 'nosuch' does not exist" },
            { new[] { "notebooks", "run", demo, "-p", "Seedz=3", "--out", outDir }, 2, "-p Seedz = 3: no notebook declares a parameter 'Seedz'; known parameters: Quick, Steps, Label" },
            { new[] { "train", "--out", occupied }, 2, "already holds other files" },
            { new[] { "train", "--out", aFile }, 2, "is a file" },
            { new[] { "reproduce", "--quick", "--seeds", "1", "--out", outDir }, 2, "--seeds = 1" },
            { new[] { "reproduce", "--quick", "--figures", "svg,tiff", "--out", outDir }, 2, "--figures = \"svg,tiff\": 'tiff' is not a figure format; allowed: a comma-separated list of svg, png, pdf" },
            { new[] { "figures", "--format", "gif" }, 2, "--format = \"gif\": 'gif' is not a figure format" },
            { new[] { "figures", "--from", empty }, 2, "expected a reproduce output folder holding results.json" },
            { new[] { "figures", "--from", malformed }, 2, "is not a results.json this version of reproduce can read" },
            { new[] { "train", "--config", "data/configs/quick.json", "--set", "training.learning_rate=1e30", "--set", "training.steps=60", "--out", outDir, "--force" }, 1, "diverged at step" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gets_one_clear_message_and_the_documented_exit_code(string[] args, int exitCode, string message)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(exitCode, r.ExitCode);
        Assert.Contains(message, r.Err);
        Assert.DoesNotContain("   at ", r.Err);          // no stack trace
        Assert.DoesNotContain("Unhandled exception", r.Err);
    }

    [Fact]
    public void Other_commands_subfolders_in_the_output_folder_need_no_force()
    {
        // e.g. out/ after `notebooks run` (out/notebooks) and the tests' export app (out/tests): only files are in the way
        string dir = TestPaths.NewTempDir("cli");
        Directory.CreateDirectory(Path.Combine(dir, "notebooks"));
        File.WriteAllText(Path.Combine(dir, "notebooks", "index.html"), "kept");
        var r = CliRunner.Run("train", "--config", "data/configs/quick.json", "--set", "training.steps=20", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.True(File.Exists(Path.Combine(dir, "results.json")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(dir, "notebooks", "index.html")));
    }

    [Fact]
    public void A_config_can_be_named_wherever_a_config_file_is_accepted()
    {
        string dir = TestPaths.NewTempDir("cli");
        var r = CliRunner.Run("train", "--config", "quick", "--set", "training.steps=20", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("\"neurons\": 448", File.ReadAllText(Path.Combine(dir, "results.json")));   // quick.json's m, not the default's 512
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var r = CliRunner.Run("train", "--config", "no/such.json", "--verbose");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("   at ", r.Err);
    }

    [Fact]
    public void Help_explains_every_option_of_train()
    {
        var r = CliRunner.Run("train", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var option in new[] { "--config", "--set", "--out", "--force", "--verbose" }) Assert.Contains(option, r.Out);
    }
}
