using LowRankSparse.Config;
using LowRankSparse.Phase;
using LowRankSparse.Tests.Cli;
using LowRankSparse.Util;

namespace LowRankSparse.Tests.Phase;

/// <summary>Bad phase-grid input stops before any work with exit code 2 and a message naming the option or field at fault.</summary>
public class PhaseInputTests
{
    public static TheoryData<string[], string> Cases() => new()
    {
        { ["phase", "--x", "frobnicate"], "--x = \"frobnicate\": unknown axis (known: alpha_gap" },
        { ["phase", "--x", "noise", "--y", "noise"], "must differ from the x axis" },
        { ["phase", "--x", "noise", "--x-range", "0.4:0.1:4"], "a reversed or empty range" },
        { ["phase", "--x", "noise", "--x-range", "0.1:0.4:0"], "an empty range" },
        { ["phase", "--x", "noise", "--x-range", ""], "empty range" },
        { ["phase", "--x", "noise", "--x-range", "0.4,0.1"], "must be strictly increasing" },
        { ["phase", "--x", "noise", "--x-range", "0.1,lots"], "\"lots\" is not a number" },
        { ["phase", "--x", "alpha_gap", "--x-range", "-0.1,0.1"], "data.relevant_fraction" },
        { ["phase", "--x", "patterns", "--x-range", "2,8"], "data.num_label_relevant = 2: must be < data.num_patterns = 2" },
        { ["phase", "--x", "neurons", "--x-range", "15,16"], "model.neurons = 15: must be even" },
        { ["phase", "--x-range", "0.1:2:40", "--y-range", "0.1:1:40", "--seeds", "5"], "40 × 40 cells × 5 seeds = 8000 runs" },
        { ["phase", "--seeds", "0"], "seeds = 0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_grid_input_exits_2_naming_the_field(string[] args, string message)
    {
        string outDir = Path.Combine(TestPaths.NewTempDir("phase"), "out");
        var r = CliRunner.Run([.. args, "--out", outDir]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Err);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.False(Directory.Exists(outDir));   // stopped before any work
    }

    [Fact]
    public void A_grid_over_the_budget_says_its_size_and_expected_time()
    {
        var grid = new PhaseGrid(ConfigLoader.Load(TestPaths.EasyConfig), PhaseAxis.Noise, PhaseAxis.Noise.DefaultValues,
            PhaseAxis.QkInitScale, PhaseAxis.QkInitScale.DefaultValues, Seeds: 3, BudgetSeconds: 1);
        var e = Assert.Throws<ConfigException>(() => grid.Validated());
        Assert.Contains("8 × 8 cells × 3 seeds = 192 runs", e.Message);
        Assert.Contains($"expected ≈ {grid.EstimatedSeconds():F0} s", e.Message);
    }
}
