using LowRankSparse.Interactive.Notebooks;

namespace LowRankSparse.Interactive.Tests;

/// <summary>Notebooks that cannot run are rejected before any cell runs, each with a clear message (exit code 2 in the CLI).</summary>
public sealed class NotebookInputTests
{
    private readonly string _dir = TestPaths.NewTempDir("bad-notebooks");

    [Fact]
    public void A_missing_path_is_named() =>
        Assert.Equal("nowhere.ipynb: no such file or folder", Assert.Throws<NotebookInputException>(() => NotebookFiles.Find(["nowhere.ipynb"])).Message);

    [Fact]
    public void Invalid_json_is_reported() =>
        Assert.StartsWith($"{Bad("{ not json")}: not valid JSON", Error(Bad("{ not json")));

    [Fact]
    public void A_notebook_without_cells_is_reported() =>
        Assert.EndsWith("the notebook has no cells", Error(Bad("""{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""")));

    [Fact]
    public void Another_kernel_language_is_reported() =>
        Assert.EndsWith("unknown kernel 'python3' (language 'python'): this runner executes C# notebooks only",
            Error(Path.Combine(Fixtures.Folder, "python.ipynb")));

    [Fact]
    public void An_unknown_package_is_reported_with_its_cell() =>
        Assert.EndsWith("cell 1: unknown package 'Humanizer': this runner never downloads; available: Chart.Lib, Chart.Lib-all, Chart.Lib.Natives, TestLibrary",
            Error(Bad("""{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": ["#r \"nuget: Humanizer, 2.14.1\""]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""")));

    [Fact]
    public void A_polyglot_cell_in_another_language_is_reported() =>
        Assert.EndsWith("cell 1 is a 'pwsh' cell; only C# cells can run here",
            Error(Bad("""{"cells": [{"cell_type": "code", "metadata": {"polyglot_notebook": {"kernelName": "pwsh"}}, "outputs": [], "source": "dir"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""")));

    private string Bad(string json) => Fixtures.Write(_dir, "bad", json);

    private static string Error(string path) => Assert.Throws<NotebookInputException>(() => Notebook.Load(path, TestHost.Instance.Packages)).Message;
}
