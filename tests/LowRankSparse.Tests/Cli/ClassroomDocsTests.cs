using System.Text.RegularExpressions;
using LowRankSparse.Tests.Interactive;

namespace LowRankSparse.Tests.Cli;

/// <summary>Issue #25, what a teacher reads before the class: the main command's expected time and the flags that skip the long
/// sections, and student edits kept out of git.</summary>
public class ClassroomDocsTests
{
    [Fact]
    public void The_READMEs_first_command_gives_its_time_and_the_flags_that_skip_the_long_sections()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var block = Regex.Match(readme, "```bash\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value.Split('\n');
        Assert.Contains("-- reproduce ", block[0]);
        Assert.Matches(@"≈ \d+ min", block[0]);                                      // the expected time beside the command
        Assert.Contains("--no-phase --no-real-data", block[1]);
        string help = CliRunner.Run("reproduce", "--help").Out;
        Assert.Contains("--no-phase", help);                                         // the flags the README names exist
        Assert.Contains("--no-real-data", help);
    }

    [Theory]
    [InlineData("notebooks/.ipynb_checkpoints/02-low-rank-updates-checkpoint.ipynb")]
    [InlineData("my-notebooks/02-low-rank-updates.ipynb")]
    public void Jupyters_checkpoints_and_a_working_copy_of_the_notebooks_are_ignored_by_git(string path)
    {
        var check = ChildProcess.Run("git", ["check-ignore", "--no-index", path], TestPaths.RepoRoot);
        Assert.True(check.ExitCode == 0, $"git check-ignore {path}: exit {check.ExitCode} {check.Output}");
    }
}
