using System.Text.Json.Nodes;
using LowRankSparse.Display;
using LowRankSparse.Interactive.Engine;
using LowRankSparse.Interactive.Kernel;
using LowRankSparse.Interactive.Notebooks;
using LowRankSparse.Interactive.Notebooks.Export;

namespace LowRankSparse.Tests.Interactive;

/// <summary>
/// The notebook engine, runner and kernel with the library's adapter (<see cref="LibraryNotebookHost"/>), as the CLI wires them:
/// TorchSharp and Plotly.NET in every cell, the library's charts with plotly.js beside the notebook, its loops stopped by an
/// interrupt, its documentation in inspect, an exported app that runs. The engine on its own is tested in LowRankSparse.Interactive.Tests.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class LibraryHostTests
{
    [Fact]
    public void Torch_runs_in_a_cell_and_the_librarys_packages_are_satisfied()
    {
        using var session = new EngineSession();
        var (known, _) = session.Run("#!csharp\n#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"nuget:Plotly.NET.CSharp\"\nthrow new Exception(\"line four\");");
        Assert.Equal(4, known.Error!.Line);
        session.Run("var t = torch.ones(3, 3);");
        Assert.Equal("9", session.Value("t.sum().item<float>()"));
    }

    [Fact]
    public void Display_of_a_plotly_chart_gives_html_without_plotly_js_json_and_text()
    {
        using var session = new EngineSession();
        var (result, outputs) = session.Run(
            "var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 3.0, 4 });\n" +
            "display(chart);\ndisplay(\"just text\");");
        Assert.True(result.Succeeded, result.Error?.Value);
        var chart = Assert.IsType<DisplayOutput>(outputs[0]);
        Assert.True(chart.IsPlotlyChart);
        string html = chart.Data[RichValue.Html];
        Assert.Contains("Plotly.newPlot", html);
        Assert.DoesNotContain("plotly.js v", html);                  // no plotly.js in the output: it loads the file beside the notebook
        Assert.Contains(PlotlyAssets.FileName, html);
        Assert.IsType<JsonArray>(JsonNode.Parse(chart.Data[PlotlyMime.MimeType])!["data"]);
        Assert.Equal(PlotlyMime.MimeType, RichValue.PlotlyJson);
        Assert.True(chart.Data.ContainsKey(RichValue.Plain));
        Assert.Equal(new Dictionary<string, string> { [RichValue.Plain] = "just text" }, Assert.IsType<DisplayOutput>(outputs[1]).Data);
    }

    [Fact]
    public void A_path_to_the_library_already_loaded_uses_the_loaded_copy()
    {
        using var session = new EngineSession(TestPaths.NewTempDir("directives"));
        // The file does not exist here: the loaded LowRankSparse assembly satisfies it (no second copy is loaded).
        var (result, _) = session.Run("#r \"../src/LowRankSparse/bin/Debug/net10.0/LowRankSparse.dll\"\nusing LowRankSparse.Display;\nvar n = PlotlyAssets.Script.Length;");
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Single(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "LowRankSparse");
    }

    [Fact]
    public async Task Interrupt_stops_library_training_running_in_parallel_groups()
    {
        using var session = new EngineSession(grace: TimeSpan.FromSeconds(30));
        string config = TestPaths.EasyQuickConfig.Replace("\\", "/");
        string progress = $"lrs.test.step.{Guid.NewGuid():N}";
        // 100 000 steps of 4 seeds (about 40 s quiet, far longer than the grace on a busy machine); the cell passes no token:
        // the host hands the cell's token to the library's AmbientCancellation, which the training loops watch.
        string code = $"var config = LowRankSparse.Config.ConfigLoader.Load(\"{config}\", new[] {{ \"training.steps=100000\", \"training.snapshot_every=0\" }});\n" +
                      $"LowRankSparse.Training.SeedRuns.Train(config, 4, onStep: s => AppDomain.CurrentDomain.SetData(\"{progress}\", s)).Count";
        var running = session.Engine.ExecuteAsync(new CellRequest(code), new OutputCollector());
        Assert.True(await Until(() => AppDomain.CurrentDomain.GetData(progress) is int || running.IsCompleted, TimeSpan.FromSeconds(300)),
            "training reported no progress");
        session.Engine.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.DoesNotContain("abandoned", result.Error!.Value);             // the loops stopped: no thread left behind
        Assert.True((int)AppDomain.CurrentDomain.GetData(progress)! < 100_000, "training ran to its end instead of stopping");
        Assert.Equal("ok", session.Value("\"ok\""));
    }

    [Fact]
    public void Inspect_shows_the_librarys_own_documentation()
    {
        using var kernels = new KernelHarness();
        var (_, client) = kernels.Start();
        client.WaitForReady();
        string Inspect(int cursor)
        {
            client.Send(KernelChannel.Shell, "inspect_request", new JsonObject { ["code"] = "LowRankSparse.Analysis.Spectrum.Of", ["cursor_pos"] = cursor, ["detail_level"] = 0 });
            return client.Receive(KernelChannel.Shell)!.Content["data"]!["text/plain"]!.GetValue<string>();
        }
        Assert.Contains("assembly: LowRankSparse", Inspect(35));              // with the library's own XML documentation
        Assert.Contains("The singular values of a matrix", Inspect(26));
    }

    [Fact]
    public void The_runner_writes_plotly_js_beside_the_notebooks_and_inlines_it_once_in_each_page()
    {
        string dir = Fixtures.Copy("demo");
        string output = Path.Combine(dir, "out");
        var result = Assert.Single(NotebookBatch.Run([Path.Combine(dir, "demo.ipynb")], new RunSettings([NotebookParameter.Quick], TimeSpan.FromSeconds(120)),
            LibraryNotebookHost.Instance, output, TextWriter.Null));
        Assert.True(result.Succeeded, result.Failure?.ToString());
        var chartCell = Notebook.Load(Path.Combine(output, "demo.ipynb")).Cells.Last(c => c.IsCode).Outputs;
        string chartHtml = MultilineText.Of(chartCell[0]!["data"]!["text/html"]);
        Assert.DoesNotContain("plotly.js v", chartHtml);
        Assert.Contains(PlotlyAssets.FileName, chartHtml);
        Assert.Equal(PlotlyAssets.Script, File.ReadAllText(Path.Combine(output, PlotlyAssets.FileName)));
        Assert.IsType<JsonArray>(chartCell[0]!["data"]![PlotlyMime.MimeType]!["data"]);
        Assert.Equal("4", MultilineText.Of(chartCell[1]!["data"]!["text/plain"]));          // torch ran in the cell
        string html = File.ReadAllText(Path.Combine(output, "demo.html"));
        Assert.Equal(1, (html.Length - html.Replace(PlotlyAssets.ScriptTag, "").Length) / PlotlyAssets.ScriptTag.Length);
    }

    [Fact]
    public void The_exported_app_runs_with_dotnet_run_and_writes_an_offline_chart()
    {
        // Inside the repository, so Directory.Build.targets (the TorchSharp GLIBCXX patch) applies to the app's build too;
        // a fixed folder, so `dotnet run` reuses its build between test runs.
        string dir = Path.Combine(TestPaths.RepoRoot, "out", "tests", "export-app");
        string chartFolder = Path.Combine(dir, "demo-charts");
        if (Directory.Exists(chartFolder)) Directory.Delete(chartFolder, true);
        var app = AppExporter.Export(Notebook.Load(Path.Combine(Fixtures.Folder, "demo.ipynb")), LibraryNotebookHost.Instance.Packages, dir);
        Assert.Null(app.Warning);
        Assert.Contains("#:project ../../../src/LowRankSparse.Notebook/LowRankSparse.Notebook.csproj", File.ReadAllText(app.Path));

        var run = ChildProcess.Run("dotnet", ["run", app.Path], dir);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("steps=100 label=default", run.Output);
        Assert.Contains("chart written to", run.Output);
        Assert.Contains("\n4\n", run.Output.Replace("\r", ""));
        string chart = File.ReadAllText(Path.Combine(chartFolder, "chart-1.html"));
        Assert.Contains("plotly.js v", chart);          // inlined, not the CDN script
        Assert.DoesNotContain("<script src=\"https://cdn.plot.ly", chart);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes (waits for an event, never a fixed time).</summary>
    private static async Task<bool> Until(Func<bool> condition, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }
}
