using LowRankSparse.Interactive.Notebooks;
using LowRankSparse.Interactive.Notebooks.Export;

namespace LowRankSparse.Interactive.Tests;

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
              {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [], "source": ["#r \"nuget: Chart.Lib-all\"\n", "bool Quick = false;"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["using System.Globalization;\n", "record Point(int X, int Y);\n", "var p = new Point(1, 2);\n", "p"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["Console.WriteLine(p)"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        string source = AppExporter.Source(Notebook.Load(path), TestHost.Instance.Packages, "../src/TestLibrary/TestLibrary.csproj");
        string[] lines = source.Split('\n');
        Assert.Equal("#:package Chart.Lib@1.2.3", lines[0]);           // what the package stands for, each at its own version
        Assert.Equal("#:package Chart.Lib.Natives@1.2.4", lines[1]);
        Assert.Equal("#:project ../src/TestLibrary/TestLibrary.csproj", lines[2]);
        Assert.Contains("using LowRankSparse.Interactive.Tests;", lines);   // the host's imports
        Assert.Contains(lines, l => l.Contains("error is System.ArgumentException ? 2 : 1"));   // the host's bad-input exception
        Assert.Contains(lines, l => l.Contains("if (LowRankSparse.Interactive.Tests.TestChart.Page(value) is { } page)"));   // and its chart page
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
    public void A_loop_variable_named_like_an_earlier_cells_variable_is_renamed_in_the_app()
    {
        string dir = TestPaths.NewTempDir("export-shadow");
        string path = Fixtures.Write(dir, "shadow", """
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["var run = 1;\n", "var runs = new[] { run, 2 };"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["foreach (var run in runs) Console.WriteLine(run);\n", "var n = runs.Count(run => run > 1);"]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        string[] lines = AppExporter.Source(Notebook.Load(path), TestHost.Instance.Packages, "../src/TestLibrary/TestLibrary.csproj").Split('\n');
        Assert.Contains("var run = 1;", lines);
        Assert.Contains("foreach (var run2 in runs) Console.WriteLine(run2);", lines);
        Assert.Contains("var n = runs.Count(run3 => run3 > 1);", lines);   // run2 is taken by then
    }
}
