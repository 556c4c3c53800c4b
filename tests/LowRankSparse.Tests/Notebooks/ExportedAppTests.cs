using LowRankSparse.Display;
using LowRankSparse.Interactive.Notebooks;
using LowRankSparse.Interactive.Notebooks.Export;
using LowRankSparse.Tests.Interactive;
using LowRankSparse.Util;

namespace LowRankSparse.Tests.Notebooks;

/// <summary>
/// The real teaching notebooks exported as file-based apps (quick mode) run with <c>dotnet run</c> and write one offline chart page
/// per chart the notebook shows in our runner. One notebook in the default run; every one with <c>--filter Category=AllHosts</c>.
/// Issue #25: each runs from a folder outside the repository (the shipped configs come from the library), and a failure ends an
/// app with one line and exit code 2 for bad input.
/// </summary>
public class ExportedAppTests
{
    public static TheoryData<string> All() => new(Directory.GetFiles(TestPaths.Notebooks, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Fact]
    public void Exported_notebook_that_loads_a_config_runs_and_writes_every_chart() => RunsAndWritesEveryChart("03-sparse-output-layer");

    [Theory]
    [Trait("Category", "AllHosts")]
    [MemberData(nameof(All))]
    public void Every_exported_notebook_runs_and_writes_every_chart(string name) => RunsAndWritesEveryChart(name);

    private static void RunsAndWritesEveryChart(string name)
    {
        // Inside the repository, so Directory.Build.targets (the TorchSharp GLIBCXX patch) applies to the app's build;
        // a fixed folder, so `dotnet run` reuses its build between test runs.
        string dir = Path.Combine(TestPaths.RepoRoot, "out", "tests", "export-notebooks");
        string elsewhere = TestPaths.NewTempDir("app-elsewhere");        // no data/configs/ above it: the configs must come from the library
        string charts = Path.Combine(elsewhere, name + "-charts");
        var notebook = Notebook.Load(Path.Combine(TestPaths.Notebooks, name + ".ipynb"));
        Assert.True(ParameterInjection.Inject(notebook, [NotebookParameter.Quick]));
        var app = AppExporter.Export(notebook, LibraryNotebookHost.Instance.Packages, dir);

        var run = ChildProcess.Run("dotnet", ["run", app.Path], elsewhere, timeout: TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Output}");
        var written = Directory.Exists(charts) ? Directory.GetFiles(charts, "*.html") : [];
        Assert.Equal(ChartsShownByTheRunner(name), written.Length);
        foreach (string page in written)
        {
            string html = File.ReadAllText(page);
            Assert.Contains("Plotly.newPlot", html);
            Assert.Contains("plotly.js v", html);                  // inlined: opens offline
            Assert.DoesNotContain("<script src=\"https://cdn.plot.ly", html);
        }
    }

    [Fact]
    public void An_app_whose_config_does_not_exist_prints_one_line_and_exits_2_from_any_folder()
    {
        string dir = Path.Combine(TestPaths.RepoRoot, "out", "tests", "export-bad-config");
        Directory.CreateDirectory(dir);
        string source = Path.Combine(dir, "bad-config.ipynb");
        File.WriteAllText(source, """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null,
               "source": ["var config = LowRankSparse.Config.ConfigFiles.Load(\"no-such-config\");\n", "Console.WriteLine(\"not reached\");"]}]}
            """);
        var app = AppExporter.Export(Notebook.Load(source), LibraryNotebookHost.Instance.Packages, dir);

        var run = ChildProcess.Run("dotnet", ["run", app.Path], TestPaths.NewTempDir("app-elsewhere"), timeout: TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}\n{run.Output}");
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string line = Assert.Single(lines, l => l.Contains("no-such-config", StringComparison.Ordinal));
        Assert.StartsWith("bad-config: ConfigException: config file 'no-such-config' does not exist", line);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
        Assert.DoesNotContain("not reached", run.Output);
    }

    private static int ChartsShownByTheRunner(string name)
    {
        var notebook = Notebook.Load(Path.Combine(TestPaths.Notebooks, name + ".ipynb"));
        var result = NotebookRunner.Run(notebook, new RunSettings([NotebookParameter.Quick], TimeSpan.FromMinutes(5)), LibraryNotebookHost.Instance);
        Assert.True(result.Succeeded, result.Failure?.ToString());
        return notebook.Cells.Where(c => c.IsCode).Sum(c => c.Outputs.Count(o => o?["data"]?["text/html"]?.ToString().Contains("Plotly.newPlot") == true));
    }
}
