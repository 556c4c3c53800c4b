using System.Diagnostics;
using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Kernel;
using LowRankSparse.Interactive.Notebooks;
using NetMQ;
using NetMQ.Sockets;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Interactive;

/// <summary>The kernel as Jupyter starts it: `dotnet LowRankSparse.Cli.dll kernel -f FILE`, and (opt-in) driven by nbclient.</summary>
[Collection(NotebookCollection.Name)]
public sealed class KernelProcessTests(ITestOutputHelper output)
{
    [Fact]
    public void The_cli_kernel_answers_executes_and_exits_on_shutdown()
    {
        var clock = Stopwatch.StartNew();
        using var kernel = StartCli(out var client);
        using (client)
        {
            var ready = client.WaitForReady();
            double startup = clock.Elapsed.TotalMilliseconds;
            Assert.Equal("kernel_info_reply", ready.Type);
            clock.Restart();
            var (first, _) = client.Execute("Environment.ProcessId");
            double firstCell = clock.Elapsed.TotalMilliseconds;
            Assert.Equal("ok", first.Content["status"]!.GetValue<string>());
            output.WriteLine($"kernel process: start → first kernel_info_reply {startup:F0} ms; first cell {firstCell:F0} ms");
            ShutDown(kernel, client);
        }
    }

    [Fact]
    public void The_cli_kernel_refuses_a_64_MiB_frame_without_taking_the_memory()
    {
        using var kernel = StartCli(out var client);
        using (client)
        {
            client.WaitForReady();
            long before = PeakResidentKiB(kernel.Id);
            using (var probe = new DealerSocket())
            {
                probe.Options.Linger = TimeSpan.Zero;
                probe.Connect(client.Connection.Address(client.Connection.ShellPort));
                var frame = new Msg();
                frame.InitGC(new byte[64 << 20], 64 << 20);
                Assert.True(probe.TrySend(ref frame, TimeSpan.FromSeconds(10), more: false));
                frame.Close();
                var info = new JupyterMessage([], new MessageFactory().Header("kernel_info_request"), [], [], []);
                probe.SendMultipartBytes(client.Codec.Encode(info));
                // after the big frame on the same connection: its reply comes once the kernel read (old) or refused the frame
                var reply = new List<byte[]>();
                Assert.True(probe.TryReceiveMultipartBytes(TimeSpan.FromSeconds(30), ref reply!), "no reply to the kernel_info sent after the frame");
            }
            client.AnswersKernelInfo(KernelChannel.Shell, TimeSpan.FromSeconds(5));   // the probe gone: still answering
            long after = PeakResidentKiB(kernel.Id);
            output.WriteLine($"kernel process peak RSS: {before / 1024.0:F1} MiB before a 64 MiB frame, {after / 1024.0:F1} MiB after");
            Assert.True(after - before < 32 * 1024, $"peak RSS grew by {(after - before) / 1024.0:F1} MiB");
            ShutDown(kernel, client);
        }
    }

    [Fact]
    public void The_cli_kernel_refuses_an_empty_key_unless_allow_unsigned_and_an_unknown_scheme()
    {
        string folder = TestPaths.NewTempDir("kernel-process");
        string file = Path.Combine(folder, "unsigned.json");
        File.WriteAllText(file, """{"transport": "tcp", "ip": "127.0.0.1", "shell_port": 0, "iopub_port": 0, "stdin_port": 0, "control_port": 0, "hb_port": 0, "key": ""}""");
        var refused = CliProcess.Run(folder, "kernel", "-f", file);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("empty key", refused.Error);
        Assert.Contains("--allow-unsigned", refused.Error);
        Assert.DoesNotContain("   at ", refused.Output);

        using (var kernel = StartCli(out var client, file, "--allow-unsigned"))
        using (client)
        {
            Assert.Equal("", client.Connection.Key);
            client.WaitForReady();                                                   // unsigned both ways
            ShutDown(kernel, client);
        }

        string sha999 = Path.Combine(folder, "sha999.json");
        File.WriteAllText(sha999, """{"shell_port": 0, "iopub_port": 0, "stdin_port": 0, "control_port": 0, "hb_port": 0, "key": "k", "signature_scheme": "hmac-sha999"}""");
        var unknown = CliProcess.Run(folder, "kernel", "-f", sha999);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'hmac-sha999' is not supported", unknown.Error);
        Assert.DoesNotContain("   at ", unknown.Output);
    }

    /// <summary>
    /// Starts `kernel -f FILE` on a connection file whose ports are 0, waits (with a deadline) for its "kernel: listening" line
    /// and connects to the ports it wrote back into the file.
    /// </summary>
    private static ChildProcess StartCli(out KernelClient client, string? file = null, params string[] extra)
    {
        string folder = TestPaths.NewTempDir("kernel-process");
        file ??= KernelClient.NewConnection(folder).File;
        var kernel = ChildProcess.Start("dotnet", [CliProcess.Dll, "kernel", "-f", file, .. extra], folder);
        try
        {
            kernel.WaitForErrorLine(l => l.StartsWith("kernel: listening", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "no 'kernel: listening' line");
            var bound = ConnectionInfo.Load(file, allowUnsigned: extra.Contains("--allow-unsigned"));
            Assert.False(bound.HasUnassignedPorts, File.ReadAllText(file));
            client = new KernelClient(bound);
            return kernel;
        }
        catch
        {
            kernel.Dispose();
            throw;
        }
    }

    private static void ShutDown(ChildProcess kernel, KernelClient client)
    {
        client.Send(KernelChannel.Control, "shutdown_request", new JsonObject { ["restart"] = false });
        Assert.Equal("shutdown_reply", client.Receive(KernelChannel.Control, TimeSpan.FromSeconds(10))?.Type);
        Assert.Equal(0, kernel.WaitForExit(TimeSpan.FromSeconds(15)).ExitCode);
    }

    /// <summary>VmHWM: the most memory the process ever had resident.</summary>
    private static long PeakResidentKiB(int pid)
    {
        string line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Replace("kB", "").Trim());
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
