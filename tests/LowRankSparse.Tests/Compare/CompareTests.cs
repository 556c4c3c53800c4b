using System.Text.Json.Nodes;
using LowRankSparse.Compare;
using LowRankSparse.Tests.Cli;
using LowRankSparse.Tests.Reproduce;

namespace LowRankSparse.Tests.Compare;

/// <summary><c>compare A B</c>: settings that differ, verdicts that changed, metric deltas against the seed spread, overlaid curves.</summary>
[Collection(QuickReproductionCollection.Name)]
public class CompareTests(QuickReproductionFixture quick)
{
    /// <summary>The quick run's results.json, and a copy with other noise, the first verdict flipped and every seed's accuracy 0.1 lower.</summary>
    private (string A, string B) TwoRuns()
    {
        string dir = TestPaths.NewTempDir("compare");
        string a = Path.Combine(quick.Folder, "results.json");
        var json = JsonNode.Parse(File.ReadAllText(a))!.AsObject();
        json["config"]!["data"]!["noise"] = 0.1;
        var first = json["verdicts"]![0]!;
        first["holds"] = !first["holds"]!.GetValue<bool>();
        first["status"] = first["status"]!.GetValue<string>() == "holds" ? "not_applicable" : "holds";
        foreach (var seed in json["per_seed"]!.AsArray()) seed!["test_accuracy"] = seed["test_accuracy"]!.GetValue<double>() - 0.1;
        json["pruning"]!["magnitude"]![5]!["test_loss"] = 0.75;
        string b = Path.Combine(dir, "results.json");
        File.WriteAllText(b, json.ToJsonString());
        return (a, b);
    }

    [Fact]
    public void Lists_the_differing_settings_the_changed_verdicts_and_the_metric_deltas_with_their_spread()
    {
        var (a, b) = TwoRuns();
        var c = RunComparison.Of(ComparedRun.Load(a), ComparedRun.Load(Path.GetDirectoryName(b)!));   // a folder works as well as the file
        var setting = Assert.Single(c.Settings);
        Assert.Equal(("data.noise", "0.05", "0.1"), (setting.Key, setting.Before, setting.After));

        var verdict = Assert.Single(c.Verdicts);
        Assert.Equal(quick.Results.Verdicts[0].Id, verdict.Id);
        // easy-quick.json: the first claim (low_rank) is about the attention updates, not applicable there; each outcome is shown as itself
        Assert.Equal("not_applicable", verdict.StatusA);
        Assert.Equal("holds", verdict.StatusB);
        Assert.Equal("not applicable", ComparisonMarkdown.Holds(verdict.StatusA));
        Assert.Equal("not reproduced", ComparisonMarkdown.Holds("fails"));
        Assert.Equal(quick.Results.Verdicts.Count - 1, c.VerdictsUnchanged);

        var accuracy = c.Metrics.Single(m => m.Name == "test accuracy");
        Assert.Equal(-0.1, accuracy.Delta!.Value, 9);
        Assert.Equal(accuracy.StdA!.Value, accuracy.StdB!.Value, 9);   // every seed moved alike: same spread
        Assert.True(accuracy.Notable);
        var lucky = c.Metrics.Single(m => m.Name == "lucky fraction");
        Assert.Equal(0, lucky.Delta);
        Assert.False(lucky.Notable);

        var magnitude = c.Curves.Single(p => p.Name == "pruning magnitude (smallest first)" && p.YTitle == "test hinge loss");
        Assert.Equal(magnitude.A.X, magnitude.B.X);
        Assert.Equal(0.75, magnitude.B.Mean[5]);
        Assert.NotEqual(0.75, magnitude.A.Mean[5]);
    }

    [Fact]
    public void Renders_markdown_for_the_terminal_and_an_html_page_with_the_curves_overlaid()
    {
        var (a, b) = TwoRuns();
        var c = RunComparison.Of(ComparedRun.Load(a), ComparedRun.Load(b));
        string md = ComparisonMarkdown.Render(c);
        Assert.Contains("| `data.noise` | 0.05 | 0.1 |", md);
        Assert.Contains("| test accuracy | ", md);
        Assert.Contains("| -0.1 | **∞** |", md);
        string html = ComparisonHtml.Render(c);
        Assert.Contains("A: pruning magnitude (smallest first)", html);
        Assert.Contains("B: pruning magnitude (smallest first)", html);
        Assert.Equal(2, html.Split("<section class=\"figure\">").Length - 1);   // hinge loss and accuracy
        Assert.Contains("<tr class=\"changed\">", html);
    }

    [Fact]
    public void The_command_prints_markdown_and_writes_the_page_and_refuses_what_is_no_run()
    {
        var (a, b) = TwoRuns();
        string page = Path.Combine(TestPaths.NewTempDir("compare"), "c.html");
        var r = CliRunner.Run("compare", a, b, "--html", page);
        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Contains("## Settings that differ", r.Out);
        Assert.True(File.Exists(page));

        string empty = TestPaths.NewTempDir("compare");
        var missing = CliRunner.Run("compare", empty, b, "--html", page);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"compare: '{empty}' is neither a results.json nor a folder holding one", missing.Err);
        string train = Path.Combine(empty, "train.json");
        File.WriteAllText(train, "{\"config\": {}, \"steps\": 3}");
        var foreign = CliRunner.Run("compare", a, train, "--html", page);
        Assert.Equal(2, foreign.ExitCode);
        Assert.Contains("is not a reproduce run's results.json", foreign.Err);
        Assert.DoesNotContain("   at ", foreign.Err);
    }
}
