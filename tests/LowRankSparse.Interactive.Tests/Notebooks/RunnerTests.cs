using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Engine;
using LowRankSparse.Interactive.Notebooks;
using LowRankSparse.Interactive.Notebooks.Html;

namespace LowRankSparse.Interactive.Tests;

[Collection(NotebookCollection.Name)]
public sealed class RunnerTests
{
    [Fact]
    public void Parameters_are_injected_papermill_style_and_outputs_are_written()
    {
        string dir = Fixtures.Copy("host-demo");
        string output = Path.Combine(dir, "out");
        var settings = new RunSettings([NotebookParameter.Quick, NotebookParameter.Parse("Label=hello world"), NotebookParameter.Parse("Steps=50")], TimeSpan.FromSeconds(60));
        var host = TestHost.Instance;
        int cleanUps = host.CleanUps;
        var result = Assert.Single(NotebookBatch.Run([Path.Combine(dir, "host-demo.ipynb")], settings, host, output, TextWriter.Null));
        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.True(host.CleanUps > cleanUps, "the host was not asked to clean up after the notebook");

        var cells = Notebook.Load(Path.Combine(output, "host-demo.ipynb")).Cells;
        int parameters = cells.ToList().FindIndex(c => c.HasTag(ParameterInjection.ParametersTag));
        var injected = cells[parameters + 1];
        Assert.Equal([ParameterInjection.InjectedTag], injected.Tags);
        Assert.Contains("Quick = true;\nLabel = \"hello world\";\nSteps = 50;", injected.Source);
        Assert.Equal([1, 2, 3, 4], cells.Where(c => c.IsCode).Select(c => c.ExecutionCount ?? 0));

        var stream = cells[parameters + 2].Outputs.Single()!;
        Assert.Equal("steps=5 label=hello world\n", stream["text"]!.GetValue<string>());
        var chartCell = cells.Last(c => c.IsCode).Outputs;
        Assert.Equal("display_data", chartCell[0]!["output_type"]!.GetValue<string>());
        string chartHtml = MultilineText.Of(chartCell[0]!["data"]!["text/html"]);
        Assert.Contains("Plotly.newPlot(\"squares\"", chartHtml);                                  // the host's formatter
        Assert.Equal(host.Charts!.Script.Value, File.ReadAllText(Path.Combine(output, host.Charts.FileName)));   // the host's chart script beside the notebooks
        Assert.IsType<JsonArray>(chartCell[0]!["data"]![RichValue.PlotlyJson]!["data"]);         // Plotly's MIME type, as JSON, for VS Code and JupyterLab
        Assert.Equal("execute_result", chartCell[1]!["output_type"]!.GetValue<string>());
        Assert.Equal("4", MultilineText.Of(chartCell[1]!["data"]!["text/plain"]));

        string html = File.ReadAllText(Path.Combine(output, "host-demo.html"));
        Assert.Equal(1, Count(html, host.Charts.ScriptTag));                                    // the chart script inlined once in the page
        Assert.Equal(1, Count(html, CodeAssets.HeadTags));                                       // Prism once, for the code cells
        Assert.Contains("<pre class=\"code\"><code class=\"language-csharp\">", html);
        Assert.Contains("<h1>Demo notebook</h1>", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("<th>a</th>", html);
        Assert.Contains("<span class=\"math\">\\(W_Q x_l\\)</span> with <em>emphasis</em>", html);   // Markdig: no emphasis inside math
        Assert.Equal(1, Count(html, MathAssets.HeadTags));                                       // KaTeX once, fonts inlined
        Assert.Contains("src:url(data:font/woff2;base64,", MathAssets.HeadTags);
        Assert.DoesNotContain("url(fonts/", MathAssets.HeadTags);
        Assert.Contains("host-demo.html", File.ReadAllText(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void A_failing_cell_stops_the_run_and_the_partial_notebook_is_written()
    {
        string dir = Fixtures.Copy("failing");
        string output = Path.Combine(dir, "out");
        var result = Assert.Single(NotebookBatch.Run([Path.Combine(dir, "failing.ipynb")], new RunSettings([], null), TestHost.Instance, output, TextWriter.Null));
        Assert.Equal(new NotebookFailure("failing.ipynb", 3, 2, "System.InvalidOperationException", "deliberate failure"), result.Failure);
        Assert.Equal("notebook failing.ipynb failed in cell 3, line 2: System.InvalidOperationException: deliberate failure", result.Failure!.ToString());

        var cells = Notebook.Load(Path.Combine(output, "failing.ipynb")).Cells;
        Assert.Equal("before the failure\n", MultilineText.Of(cells[0].Outputs.Single()!["text"]));
        var error = cells[2].Outputs.Single()!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), l => l!.GetValue<string>().Contains("In[2], line 2"));
        Assert.Empty(cells[3].Outputs);
        Assert.Null(cells[3].ExecutionCount);
        Assert.Contains("failed in cell 3", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.DoesNotContain("katex", File.ReadAllText(Path.Combine(output, "failing.html")));   // no math, no KaTeX
    }

    [Fact]
    public void Injection_replaces_an_earlier_injected_cell_and_needs_a_parameters_cell()
    {
        var notebook = Notebook.Load(Path.Combine(Fixtures.Copy("host-demo"), "host-demo.ipynb"));
        Assert.True(ParameterInjection.Inject(notebook, [NotebookParameter.Quick]));
        Assert.True(ParameterInjection.Inject(notebook, [NotebookParameter.Parse("Steps=3")]));
        var injected = Assert.Single(notebook.Cells, c => c.HasTag(ParameterInjection.InjectedTag));
        Assert.DoesNotContain("Quick", injected.Source);
        Assert.Equal(notebook.Cells.Count, notebook.Root["cells"]!.AsArray().Count);

        var failing = Notebook.Load(Path.Combine(Fixtures.Copy("failing"), "failing.ipynb"));
        Assert.False(ParameterInjection.Inject(failing, [NotebookParameter.Quick]));
    }

    [Fact]
    public void The_injected_cell_of_an_nbformat_4_5_notebook_gets_an_id_no_other_cell_has()
    {
        // nbformat 4.5 requires a unique id on every cell: without one Jupyter's validator warns (later refuses) and a notebook
        // server never trusts the executed notebook (it re-signs the normalised copy), so its charts' scripts never run there
        string folder = TestPaths.NewTempDir("inject-id");
        string copy = Path.Combine(folder, "02-low-rank-updates.ipynb");
        File.Copy(Path.Combine(TestPaths.Notebooks, "02-low-rank-updates.ipynb"), copy);
        var notebook = Notebook.Load(copy);
        Assert.True(notebook.CellsNeedIds);
        Assert.True(ParameterInjection.Inject(notebook, [NotebookParameter.Quick]));
        Assert.True(ParameterInjection.Inject(notebook, [NotebookParameter.Quick]));    // a second injection replaces the first
        notebook.Save(copy);
        var ids = Notebook.Load(copy).Cells.Select(c => c.Node["id"]?.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("flag=true", "flag = true;")]
    [InlineData("n=200", "n = 200;")]
    [InlineData("rate=-1e-3", "rate = -1e-3;")]
    [InlineData("lr=0.5f", "lr = 0.5f;")]
    [InlineData("name=a \"b\"", "name = \"a \\\"b\\\"\";")]
    [InlineData("path=data/x.json", "path = \"data/x.json\";")]
    public void Parameter_values_become_typed_literals(string text, string assignment) =>
        Assert.Equal(assignment, NotebookParameter.Parse(text).Assignment);

    [Theory]
    [InlineData("novalue")]
    [InlineData("=3")]
    [InlineData("class=3")]
    [InlineData("1x=3")]
    public void Bad_parameters_are_input_errors(string text) =>
        Assert.Throws<NotebookInputException>(() => NotebookParameter.Parse(text));

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
