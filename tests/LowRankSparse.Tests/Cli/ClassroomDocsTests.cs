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
        Assert.Equal(2, block.Count(l => l.StartsWith("dotnet ", StringComparison.Ordinal)));   // exactly two set-up commands: the main job and the tests
        Assert.Contains("-- reproduce ", block[0]);
        Assert.Matches(@"≈ [\d.½]+ min", block[0]);                                 // the expected time beside the command
        Assert.StartsWith("dotnet test", block[1]);
        string after = readme[readme.IndexOf("```bash", StringComparison.Ordinal)..][..3000];
        Assert.Contains("--no-real-data", after);                                    // the flags that skip or add the long sections, right below
        Assert.Contains("--phase", after);
        string help = CliRunner.Run("reproduce", "--help").Out;
        Assert.Contains("--phase", help);                                            // the flags the README names exist
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
