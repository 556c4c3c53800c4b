using System.Text.Json.Nodes;
using LowRankSparse.Tests.Cli;
using LowRankSparse.Theory;

namespace LowRankSparse.Tests.RealData;

/// <summary>`realdata`: bad input stops with exit code 2 and one message; a small run writes the report and results.</summary>
public class RealDataCliTests
{
    public static TheoryData<string[], string> BadInput()
    {
        string broken = TestPaths.NewTempDir("realdata-broken");
        IdxFiles.Write(broken, "train-images-idx3-ubyte.gz", IdxFiles.Images(2, 28, 28, (_, _, _) => 0)[..100]);   // truncated
        IdxFiles.Write(broken, "train-labels-idx1-ubyte.gz", IdxFiles.Labels(new byte[] { 0, 1 }));
        IdxFiles.Write(broken, "t10k-images-idx3-ubyte.gz", IdxFiles.Images(2, 28, 28, (_, _, _) => 0));
        IdxFiles.Write(broken, "t10k-labels-idx1-ubyte.gz", IdxFiles.Labels(new byte[] { 0, 1 }));
        string outDir = Path.Combine(TestPaths.NewTempDir("realdata"), "out");
        return new TheoryData<string[], string>
        {
            { new[] { "realdata", "--data-dir", "/no/such/dir", "--out", outDir }, "apt-get install dataset-fashion-mnist" },
            { new[] { "realdata", "--data-dir", broken, "--out", outDir }, "train-images-idx3-ubyte.gz is truncated" },
            { new[] { "realdata", "--classes", "2,2", "--out", outDir }, "realdata.classes = \"2,2\": must be two different classes" },
            { new[] { "realdata", "--classes", "0,11", "--out", outDir }, "class 11 is out of range" },
            { new[] { "realdata", "--classes", "0", "--out", outDir }, "realdata.classes = \"0\": must be two class numbers" },
            { new[] { "realdata", "--classes", "shirt,coat", "--out", outDir }, "realdata.classes = \"shirt,coat\"" },
            { new[] { "realdata", "--patch", "5", "--out", outDir }, "realdata.patch = 5: must divide the image size 28" },
            { new[] { "realdata", "--train-samples", "7", "--out", outDir }, "realdata.train_samples = 7" },
        };
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_exits_with_2_and_names_the_field_or_file(string[] args, string message)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [FashionMnistFact]
    public void A_small_run_writes_an_offline_report_and_results_with_every_verdict_and_control()
    {
        string dir = TestPaths.NewTempDir("realdata");
        var r = CliRunner.Run("realdata", "--quick", "--train-samples", "200", "--test-samples", "200", "--steps", "200", "--out", dir, "--force");
        Assert.True(r.ExitCode == 0, r.Err);
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("Plotly.newPlot", html);
        Assert.DoesNotContain("<script src=\"http", html);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "results.json")))!;
        var verdicts = results["verdicts"]!.AsArray();
        Assert.Equal(new[] { "real_learns", "real_low_rank", "real_label_relevant_span", "real_lucky_neurons", "real_magnitude_beats_random",
            "real_random_pruning", "real_rank_truncation" }, verdicts.Select(v => (string?)v!["id"]));
        Assert.All(verdicts, v => Assert.NotNull(v!["control"]));
        // the transformer learns the easy pair; with labels that carry nothing it does not reach the learned bar, so real_learns' control
        // fails. Not "stays at chance": a model fitted to noise strays from 0.5 on the true classes either way (seed 0 at this size, measured
        // 2026-12-07: 0.755 test accuracy, 0.590 on its own shuffled training labels; the full 0,1 pair 0.644; a plain permutation gave 0.279)
        Assert.True((double)results["real"]!["test_accuracy"]! >= Thresholds.RealLearnedAccuracy, r.Out);
        Assert.True((double)results["shuffled"]!["signatures"]!["test_accuracy"]! < Thresholds.RealLearnedAccuracy, r.Out);
        Assert.Equal("fails", (string?)verdicts.Single(v => (string?)v!["id"] == "real_learns")!["control"]!["outcome"]);
        Assert.Equal(2, results["linear"]!.AsArray().Count);
    }
}
