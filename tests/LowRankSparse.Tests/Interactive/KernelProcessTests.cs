using System.Diagnostics;
using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Kernel;
using LowRankSparse.Interactive.Notebooks;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Interactive;

/// <summary>The kernel as Jupyter starts it: `dotnet LowRankSparse.Cli.dll kernel -f FILE`, and (opt-in) driven by nbclient.</summary>
[Collection(NotebookCollection.Name)]
public sealed class KernelProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_cli_kernel_answers_executes_and_exits_on_shutdown()
    {
        string folder = TestPaths.NewTempDir("kernel-process");
        var (info, file) = KernelClient.NewConnection(folder);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in new[] { CliProcess.Dll, "kernel", "-f", file }) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var log = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new KernelClient(info);
            var ready = client.WaitForReady();
            double startup = clock.Elapsed.TotalMilliseconds;
            Assert.Equal("kernel_info_reply", ready.Type);
            clock.Restart();
            var (first, _) = client.Execute("Environment.ProcessId");
            double firstCell = clock.Elapsed.TotalMilliseconds;
            Assert.Equal("ok", first.Content["status"]!.GetValue<string>());
            output.WriteLine($"kernel process: start → first kernel_info_reply {startup:F0} ms; first cell {firstCell:F0} ms");

            client.Send(KernelChannel.Control, "shutdown_request", new JsonObject { ["restart"] = false });
            Assert.Equal("shutdown_reply", client.Receive(KernelChannel.Control, TimeSpan.FromSeconds(10))?.Type);
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(15)), "the kernel did not exit after shutdown");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            output.WriteLine(await log);
        }
    }

    [JupyterFact]
    [Trait("Category", "Jupyter")]
    public void Nbclient_executes_a_fixture_notebook_with_our_kernel()
    {
        string python = PythonJupyter.Python!;
        string folder = Fixtures.Copy("demo");
        var environment = new Dictionary<string, string>
        {
            ["JUPYTER_DATA_DIR"] = Path.Combine(folder, "jupyter-data"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "jupyter-runtime"),
        };
        var install = CliProcess.Run(folder, environment, "kernel", "install", "--user", "--name", "lrs-test");
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.True(File.Exists(Path.Combine(folder, "jupyter-data", "kernels", "lrs-test", "kernel.json")));

        string script = Path.Combine(folder, "run.py");
        File.WriteAllText(script, """
            import sys, nbformat
            from nbclient import NotebookClient
            nb = nbformat.read(sys.argv[1], as_version=4)
            NotebookClient(nb, kernel_name=sys.argv[2], timeout=120, resources={"metadata": {"path": sys.argv[3]}}).execute()
            nbformat.write(nb, sys.argv[4])
            """);
        string executed = Path.Combine(folder, "executed.ipynb");
        var clock = Stopwatch.StartNew();
        var run = ChildProcess.Run(python, [script, Path.Combine(folder, "demo.ipynb"), "lrs-test", folder, executed], environment: environment);
        output.WriteLine($"nbclient ran demo.ipynb in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.ExitCode == 0, run.Output);

        var cells = Notebook.Load(executed).Cells.Where(c => c.IsCode).ToList();
        Assert.Equal("steps=100 label=default\n", MultilineText.Of(cells[1].Outputs.Single()!["text"]));
        var outputs = cells[2].Outputs;
        Assert.Contains("Plotly.newPlot", MultilineText.Of(outputs[0]!["data"]!["text/html"]));
        Assert.Equal("4", MultilineText.Of(outputs[1]!["data"]!["text/plain"]));
        Assert.Equal(3, cells[2].ExecutionCount);
    }
}
