using LowRankSparse.Display;
using LowRankSparse.Interactive.Notebooks;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Hosts;

/// <summary>
/// Issue #14, as a user sees it: a teaching notebook executed in each host — our headless runner, Jupyter (nbclient) with our kernel,
/// Jupyter with Microsoft's .NET Interactive kernel — and its page opened in headless Chromium: no error output, every chart drawn,
/// no NaN attribute in any plot, and the executed notebook at most <see cref="MaxNotebookBytes"/> (issue #18: no plotly.js in it). The default run takes 00-data-model (five heatmaps, the charts that used to render blank) on each
/// host; <c>--filter Category=AllHosts</c> takes every notebook.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class HostRenderingTests(ITestOutputHelper output)
{
    private const string Lean = "00-data-model";

    /// <summary>Issue #18: an executed notebook small enough to commit or mail.</summary>
    private const long MaxNotebookBytes = 500_000;

    public static TheoryData<string> All() => new(Directory.GetFiles(TestPaths.Notebooks, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order()!);

    [BrowserFact]
    public void Runner_page_draws_every_chart() => RunnerPage(Lean);

    [BrowserFact]
    public void Jupyter_with_our_kernel_draws_every_chart_without_picking_a_kernel() => OurKernel(Lean);

    [BrowserFact(microsoftKernel: true)]
    public void Jupyter_with_Microsofts_kernel_draws_every_chart() => MicrosoftsKernel(Lean);

    [BrowserTheory]
    [Trait("Category", "AllHosts")]
    [MemberData(nameof(All))]
    public void Every_runner_page_draws_every_chart(string name) => RunnerPage(name);

    [BrowserTheory]
    [Trait("Category", "AllHosts")]
    [MemberData(nameof(All))]
    public void Every_notebook_on_our_kernel_draws_every_chart(string name) => OurKernel(name);

    [BrowserTheory(microsoftKernel: true)]
    [Trait("Category", "AllHosts")]
    [MemberData(nameof(All))]
    public void Every_notebook_on_Microsofts_kernel_draws_every_chart(string name) => MicrosoftsKernel(name);

    [ClassicFrontEndFact]
    public void Classic_Jupyter_Notebook_in_a_browser_runs_the_notebook_and_draws_every_chart() => ClassicFrontEndPage(Lean, microsofts: false);

    [ClassicFrontEndTheory]
    [Trait("Category", "AllHosts")]
    [MemberData(nameof(All))]
    public void Every_notebook_in_the_classic_front_end_draws_every_chart(string name) => ClassicFrontEndPage(name, microsofts: false);

    [ClassicFrontEndTheory(microsoftKernel: true)]
    [Trait("Category", "AllHosts")]
    [MemberData(nameof(All))]
    public void Every_notebook_in_the_classic_front_end_on_Microsofts_kernel_draws_every_chart(string name) => ClassicFrontEndPage(name, microsofts: true);

    /// <summary>
    /// The real front end: the classic Jupyter Notebook server and page, Run All in a browser (<see cref="ClassicFrontEnd"/>), on our
    /// kernel or on Microsoft's — each the only .NET kernelspec the server can see, and the one it started (its command line).
    /// </summary>
    private void ClassicFrontEndPage(string name, bool microsofts)
    {
        string folder = TestPaths.NewTempDir("host-classic");
        string source = Path.Combine(TestPaths.Notebooks, name + ".ipynb");
        byte[] before = File.ReadAllBytes(source);
        string checkpoints = Path.Combine(TestPaths.Notebooks, ".ipynb_checkpoints");
        bool hadCheckpoints = Directory.Exists(checkpoints);                 // a user's own Jupyter may have made one
        var run = ClassicFrontEnd.Run(name, folder, microsofts ? Kernelspecs.Microsofts(folder) : Kernelspecs.Ours(folder));
        Assert.Equal(before, File.ReadAllBytes(source));                     // served from notebooks/, never saved
        Assert.True(hadCheckpoints || !Directory.Exists(checkpoints), "the front end made notebooks/.ipynb_checkpoints");
        string host = microsofts ? "classic front end, Microsoft's kernel" : "classic front end, our kernel";
        output.WriteLine($"{host}, {name}: kernel {run.Kernel} ({string.Join(' ', run.KernelArgv)}), {run.CodeCells} code cells, screenshot {run.Screenshot}");
        Assert.Equal(".net-csharp", run.Kernel);                             // the notebook's own kernel name
        if (microsofts) Assert.Equal(["dotnet", "interactive", "jupyter"], run.KernelArgv.Take(3));
        else Assert.EndsWith("LowRankSparse.Cli.dll", run.KernelArgv.ElementAtOrDefault(1) ?? "");
        Assert.Equal(0, run.NotExecuted);
        CheckPage(host, name, run.Problems, run.FirstProblem, run.ChartOutputs, RenderedPage.Parse(run.Dom));
    }

    private void RunnerPage(string name)
    {
        string folder = TestPaths.NewTempDir("host-runner");
        var files = new[] { Path.Combine(TestPaths.Notebooks, name + ".ipynb") };
        var results = NotebookBatch.Run(files, new RunSettings([NotebookParameter.Quick], TimeSpan.FromMinutes(10)), LibraryNotebookHost.Instance, folder, TextWriter.Null, default);
        Assert.True(results.Single().Succeeded, results.Single().Failure?.ToString());
        string executed = Path.Combine(folder, name + ".ipynb");
        var page = Check("runner", name, JupyterRun.ProblemOutputs(executed), JupyterRun.ChartOutputs(executed), Path.Combine(folder, name + ".html"), executed);
        // issue #18: Prism coloured the C# of every code cell (keywords, strings, … as span.token)
        var cells = page.Dom.QuerySelectorAll("pre.code code.language-csharp");
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.NotEmpty(c.QuerySelectorAll("span.token")));
        // the executed notebook itself, as nbconvert shows it from the runner's folder: its charts load the plotly.js written beside it
        Assert.Equal(JupyterRun.ChartOutputs(executed), RenderedPage.Open(JupyterRun.Convert(executed, folder, new Dictionary<string, string>())).DrawnCharts);
    }

    private void OurKernel(string name)
    {
        string folder = TestPaths.NewTempDir("host-ours");
        var environment = Kernelspecs.Ours(folder);
        var run = JupyterRun.Execute(Path.Combine(TestPaths.Notebooks, name + ".ipynb"), folder, environment);   // the notebook's own kernel name
        Check("our kernel", name, run.Errors, JupyterRun.ChartOutputs(run.Executed), run.Html, run.Executed);
    }

    private void MicrosoftsKernel(string name)
    {
        string folder = TestPaths.NewTempDir("host-microsoft");
        var environment = Kernelspecs.Microsofts(folder);
        var run = JupyterRun.Execute(Path.Combine(TestPaths.Notebooks, name + ".ipynb"), folder, environment);
        Check("Microsoft's kernel", name, run.Errors, JupyterRun.ChartOutputs(run.Executed), run.Html, run.Executed);
    }

    /// <param name="errors">Error and stderr outputs (compiler diagnostics included): <see cref="JupyterRun.ProblemOutputs"/>.</param>
    private RenderedPage Check(string host, string name, int errors, int charts, string html, string executed)
    {
        var page = RenderedPage.Open(html);
        long bytes = executed is null ? 0 : new FileInfo(executed).Length;
        output.WriteLine($"{host}, {name}: {bytes} bytes");
        CheckPage(host, name, errors, executed is null ? "" : JupyterRun.FirstProblem(executed), charts, page);
        Assert.True(bytes <= MaxNotebookBytes, $"{host}: the executed {name}.ipynb has {bytes} bytes, more than {MaxNotebookBytes}");
        return page;
    }

    /// <summary>What every host must show: no error or stderr output, at least one chart output, every one drawn, no NaN attribute.</summary>
    private void CheckPage(string host, string name, int errors, string firstProblem, int charts, RenderedPage page)
    {
        output.WriteLine($"{host}, {name}: {errors} error or stderr outputs, {charts} chart outputs, {page.DrawnCharts} drawn, {page.NanAttributes.Count} NaN attributes");
        Assert.True(errors == 0, $"{host}: {errors} error or stderr outputs; first: {firstProblem}");
        Assert.True(charts > 0, $"{host}: no chart output in {name}");
        Assert.Equal(charts, page.DrawnCharts);
        Assert.Empty(page.NanAttributes);
    }
}
