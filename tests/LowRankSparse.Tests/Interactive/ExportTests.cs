using LowRankSparse.Interactive.Notebooks;
using LowRankSparse.Interactive.Notebooks.Export;

namespace LowRankSparse.Tests.Interactive;

[Collection(NotebookCollection.Name)]
public sealed class ExportTests
{
    [Fact]
    public void A_notebook_becomes_a_file_based_app_with_packages_project_comments_and_display()
    {
        string dir = TestPaths.NewTempDir("export");
        string path = Fixtures.Write(dir, "shapes", """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# Shapes\n", "\n", "A *test*."]},
              {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [], "source": ["#r \"nuget: TorchSharp-cpu\"\n", "bool Quick = false;"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["using System.Globalization;\n", "record Point(int X, int Y);\n", "var p = new Point(1, 2);\n", "p"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["Console.WriteLine(p)"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        string source = AppExporter.Source(Notebook.Load(path), "../src/LowRankSparse/LowRankSparse.csproj");
        string[] lines = source.Split('\n');
        Assert.Equal("#:package TorchSharp@0.107.0", lines[0]);
        Assert.Equal("#:package libtorch-cpu-linux-x64@2.10.0", lines[1]);
        Assert.Equal("#:project ../src/LowRankSparse/LowRankSparse.csproj", lines[2]);
        Assert.Contains("using System.Globalization;", lines);
        Assert.Contains("// # Shapes", lines);
        Assert.Contains("// ---- cell 2 (parameters)", lines);
        Assert.Contains("bool Quick = false;", lines);
        Assert.Contains("display(p);", lines);
        Assert.Contains("Console.WriteLine(p)", lines.Select(l => l.TrimEnd(';')));   // a void call is not displayed
        Assert.True(Array.IndexOf(lines, "record Point(int X, int Y);") > Array.IndexOf(lines, "display(p);"), "types follow the top-level statements");
        Assert.DoesNotContain(lines, l => l.StartsWith("#r", StringComparison.Ordinal));
    }

    [Fact]
    public void The_exported_app_runs_with_dotnet_run_and_writes_an_offline_chart()
    {
        // Inside the repository, so Directory.Build.targets (the TorchSharp GLIBCXX patch) applies to the app's build too;
        // a fixed folder, so `dotnet run` reuses its build between test runs.
        string dir = Path.Combine(TestPaths.RepoRoot, "out", "tests", "export-app");
        string chartFolder = Path.Combine(dir, "demo-charts");
        if (Directory.Exists(chartFolder)) Directory.Delete(chartFolder, true);
        var app = AppExporter.Export(Notebook.Load(Path.Combine(Fixtures.Folder, "demo.ipynb")), dir);
        Assert.Null(app.Warning);

        var run = ChildProcess.Run("dotnet", ["run", app.Path], dir);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("steps=100 label=default", run.Output);
        Assert.Contains("chart written to", run.Output);
        Assert.Contains("\n4\n", run.Output.Replace("\r", ""));
        string chart = File.ReadAllText(Path.Combine(chartFolder, "chart-1.html"));
        Assert.Contains("plotly.js v", chart);          // inlined, not the CDN script
        Assert.DoesNotContain("<script src=\"https://cdn.plot.ly", chart);
    }

    [Fact]
    public void A_loop_variable_named_like_an_earlier_cells_variable_is_renamed_in_the_app()
    {
        string dir = TestPaths.NewTempDir("export-shadow");
        string path = Fixtures.Write(dir, "shadow", """
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["var run = 1;\n", "var runs = new[] { run, 2 };"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["foreach (var run in runs) Console.WriteLine(run);\n", "var n = runs.Count(run => run > 1);"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        string[] lines = AppExporter.Source(Notebook.Load(path), "../src/LowRankSparse/LowRankSparse.csproj").Split('\n');
        Assert.Contains("var run = 1;", lines);
        Assert.Contains("foreach (var run2 in runs) Console.WriteLine(run2);", lines);
        Assert.Contains("var n = runs.Count(run3 => run3 > 1);", lines);   // run2 is taken by then
    }
}
