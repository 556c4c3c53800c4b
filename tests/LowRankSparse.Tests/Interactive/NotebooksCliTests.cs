namespace LowRankSparse.Tests.Interactive;

/// <summary>`notebooks run` as users run it: exit codes and messages.</summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebooksCliTests
{
    [Fact]
    public void Bad_input_exits_with_2_and_one_clear_message()
    {
        string dir = Fixtures.Copy("python");
        File.WriteAllText(Path.Combine(dir, "broken.ipynb"), "{ not json");
        var missing = CliProcess.Run(dir, "notebooks", "run", "missing.ipynb");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("error: missing.ipynb: no such file or folder", missing.Error.Trim());
        var python = CliProcess.Run(dir, "notebooks", "run", "python.ipynb");
        Assert.Equal(2, python.ExitCode);
        Assert.Contains("unknown kernel 'python3'", python.Error);
        var broken = CliProcess.Run(dir, "notebooks", "run", "broken.ipynb");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("broken.ipynb: not valid JSON", broken.Error);
    }

    [Fact]
    public void A_failing_notebook_exits_with_1_naming_notebook_cell_line_and_exception()
    {
        string dir = Fixtures.Copy("failing");
        var run = CliProcess.Run(dir, "notebooks", "run", "failing.ipynb", "--out", "executed");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: notebook failing.ipynb failed in cell 3, line 2: System.InvalidOperationException: deliberate failure", run.Error.Trim());
        Assert.Matches(@"FAIL  failing after \d+\.\d s", run.Out);
        Assert.True(File.Exists(Path.Combine(dir, "executed", "failing.ipynb")));
    }
}
