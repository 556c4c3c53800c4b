using System.Text.Json.Nodes;
using LowRankSparse.Tests.Interactive;

namespace LowRankSparse.Tests.Hosts;

/// <summary>
/// Issue #25 on Microsoft's .NET Interactive kernel, driven the way its users drive it: Jupyter's client (interrupt = SIGINT to the
/// kernel's process group, as its kernelspec asks) and the stdio protocol VS Code's Polyglot Notebooks speaks (interrupt = a Cancel
/// command). The library's training loop stops on an interrupt and the kernel keeps its state; in Polyglot Notebooks charts come as
/// Plotly JSON with no plotly.js inline; a notebook's first cell builds the library where there is none, and says so.
/// No test depends on timing: an interrupt is repeated until the cell ends, and the limits only bound a failure.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class MicrosoftKernelTests
{
    /// <summary>A training run of a million steps (minutes): the interrupt ends it first, in its set-up or its loop.</summary>
    private const string EndlessTraining = """
        Console.WriteLine("training starts");
        var endless = Paper.Config("quick", "training.steps=1000000", "training.snapshot_every=0");
        try { Paper.Train(endless, 1); stoppedBy = "the end of training"; }
        catch (OperationCanceledException) { stoppedBy = "OperationCanceledException"; }
        stoppedBy
        """;

    private const string JupyterScript = """
        import sys, json, time
        from jupyter_client.manager import KernelManager
        cwd, cells, endless = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
        km = KernelManager(kernel_name=".net-csharp"); km.start_kernel(cwd=cwd)
        kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=300)
        def run(code, interrupt_on=None, limit=600):
            mid = kc.execute(code); outputs = []; seen = False; last = 0; start = time.time()
            while time.time() - start < limit:
                if seen and time.time() - last > 5: km.interrupt_kernel(); last = time.time()   # again, until the cell ends
                try: msg = kc.get_iopub_msg(timeout=1)
                except Exception: continue
                if msg["parent_header"].get("msg_id") != mid: continue
                t, c = msg["msg_type"], msg["content"]
                if t == "status" and c["execution_state"] == "idle": return outputs
                if t == "stream" and interrupt_on and interrupt_on in c["text"] and not seen: seen = True; km.interrupt_kernel(); last = time.time()
                if t in ("stream", "execute_result", "display_data", "error"): outputs.append(c)
            return outputs + [{"timeout": True}]
        result = {"setup": [run(c) for c in cells], "endless": run(endless, interrupt_on="training starts"), "alive": run("kept + 1", limit=120)}
        km.shutdown_kernel(now=True)
        print("RESULT " + json.dumps(result))
        """;

    private const string StdioScript = """
        import sys, json, time, subprocess, threading, queue, os, signal, atexit
        cwd, cells, endless = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
        p = subprocess.Popen(["dotnet", "interactive", "stdio", "--default-kernel", "csharp"], cwd=cwd, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1, start_new_session=True)
        atexit.register(lambda: os.killpg(p.pid, signal.SIGKILL))   # the muxer and the kernel it starts, even when this script fails
        events = queue.Queue()
        threading.Thread(target=lambda: [events.put(l) for l in p.stdout], daemon=True).start()
        counter = [0]
        def send(kind, command):
            counter[0] += 1; token = "t%d" % counter[0]
            p.stdin.write(json.dumps({"commandType": kind, "command": command, "token": token}) + "\n"); p.stdin.flush()
            return token
        def run(code, interrupt_on=None, limit=600):
            token = send("SubmitCode", {"code": code, "targetKernelName": "csharp"}); values = []; start = time.time()
            while time.time() - start < limit:
                try: e = json.loads(events.get(timeout=1))
                except Exception: continue
                if "eventType" not in e or not str((e.get("command") or {}).get("token", "")).startswith(token): continue
                kind = e["eventType"]
                if kind in ("CommandSucceeded", "CommandFailed"): return {"end": kind, "message": e["event"].get("message"), "values": values}
                for v in e["event"].get("formattedValues", []) or []:
                    values.append({"event": kind, "mime": v["mimeType"], "value": v["value"]})
                    if interrupt_on and interrupt_on in v["value"]: send("Cancel", {})
            return {"end": "timeout", "values": values}
        result = {"cells": [run(c) for c in cells], "endless": run(endless, interrupt_on="training starts")}
        for _ in range(120):                        # the cancelled cell ended at once; its loop stops in the background
            answer = run("stoppedBy", limit=60)
            result["after"] = answer
            if any("OperationCanceledException" in v["value"] for v in answer["values"]): break
            time.sleep(1)
        print("RESULT " + json.dumps(result))
        """;

    [BrowserFact(microsoftKernel: true)]
    public void Jupyter_interrupt_stops_the_librarys_training_and_the_kernel_keeps_its_state()
    {
        string folder = TestPaths.NewTempDir("ms-interrupt");
        var result = RunScript(folder, JupyterScript, Kernelspecs.Microsofts(folder), SetupCells("01-training").Append("int kept = 41; string stoppedBy = null;"));
        Assert.All(result["setup"]!.AsArray(), cell => Assert.DoesNotContain(cell!.AsArray(), o => o!["ename"] is not null || o["timeout"] is not null));
        string endless = result["endless"]!.ToJsonString();
        Assert.DoesNotContain("\"timeout\"", endless);
        Assert.True(endless.Contains("OperationCanceledException"), endless);    // the library's loop saw the interrupt
        var alive = result["alive"]!.AsArray().Select(o => o!["data"]).OfType<JsonObject>().SelectMany(d => d.Select(kv => (string?)kv.Value)).ToList();
        Assert.Contains(alive, v => v == "42" || v?.Contains("<pre>42</pre>") == true);   // the same kernel, its state kept
    }

    [BrowserFact(microsoftKernel: true)]
    public void Polyglot_notebooks_get_plotly_json_without_inline_plotly_and_cancel_stops_the_training()
    {
        string folder = TestPaths.NewTempDir("ms-stdio");
        var cells = SetupCells("00-data-model").Append("int kept = 41; string stoppedBy = null;")
            .Concat(CodeCells("00-data-model").Skip(2).Select(c => c.Contains("bool Quick = false;") ? c.Replace("bool Quick = false;", "bool Quick = true;") : c));
        var result = RunScript(folder, StdioScript, new Dictionary<string, string>(), cells);
        var all = result["cells"]!.AsArray();
        Assert.All(all, c => Assert.Equal("CommandSucceeded", (string?)c!["end"]));
        var values = all.SelectMany(c => c!["values"]!.AsArray()).ToList();
        var plotly = values.Where(v => (string?)v!["mime"] == Display.PlotlyMime.MimeType).ToList();
        Assert.NotEmpty(plotly);
        Assert.All(plotly, v => Assert.NotNull(JsonNode.Parse((string)v!["value"]!)!["data"]));   // JSON VS Code's renderer can draw
        Assert.Equal(plotly.Count, values.Count(v => (string?)v!["mime"] == "text/html" && ((string?)v["value"])!.Contains("Plotly.newPlot")));
        Assert.DoesNotContain(values, v => ((string?)v!["value"])!.Contains("plotly.js v"));   // no plotly.js inline (was 3.6 MB)
        long bytes = values.Sum(v => (long)((string?)v!["value"])!.Length);
        Assert.True(bytes <= 500_000, $"the notebook's outputs hold {bytes} characters");
        Assert.Equal("CommandFailed", (string?)result["endless"]!["end"]);     // Cancel: the kernel reports the cell cancelled at once…
        Assert.Contains("OperationCanceledException", result["after"]!.ToJsonString());   // …and the library's loop stopped too
    }

    [BrowserFact(microsoftKernel: true)]
    public void The_first_cell_builds_the_library_where_there_is_none_and_says_so()
    {
        // a checkout without a build: notebooks/ beside src/LowRankSparse.Cli/ (a small stand-in project whose assembly is LowRankSparse),
        // inside the repository so that `dotnet interactive` finds its tool manifest
        string root = Path.Combine(TestPaths.RepoRoot, "out", "tests", "first-cell-" + Guid.NewGuid().ToString("N")[..8]);
        string project = Directory.CreateDirectory(Path.Combine(root, "src", "LowRankSparse.Cli")).FullName;
        File.WriteAllText(Path.Combine(project, "LowRankSparse.Cli.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><AssemblyName>LowRankSparse</AssemblyName></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(project, "Library.cs"), "namespace LowRankSparse; public static class Library { }");
        string notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        string dll = Path.Combine(project, "bin", "Debug", "net10.0", "LowRankSparse.dll");
        try
        {
            var first = SetupCells("00-data-model").First();
            string folder = TestPaths.NewTempDir("ms-first-cell");
            var result = RunScript(folder, JupyterScript, Kernelspecs.Microsofts(folder), [first, first, "int kept = 41;"], endless: "1", cwd: notebooks);
            var setup = result["setup"]!.AsArray();
            Assert.Contains($"LowRankSparse built now (dotnet build src/LowRankSparse.Cli): {dll}", setup[0]!.ToJsonString().Replace("\\/", "/"));
            Assert.True(File.Exists(dll));
            Assert.Contains($"LowRankSparse found: {dll}", setup[1]!.ToJsonString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<string> CodeCells(string notebook) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Notebooks, notebook + ".ipynb")))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code").Select(c => string.Concat(c!["source"]!.AsArray().Select(s => (string?)s)));

    /// <summary>The notebook's two setup cells: find or build the library, load it.</summary>
    private static IEnumerable<string> SetupCells(string notebook) => CodeCells(notebook).Take(2);

    /// <param name="cwd">Where the kernel starts (the notebook's folder).</param>
    private static JsonObject RunScript(string folder, string script, IDictionary<string, string> environment, IEnumerable<string> cells,
        string endless = EndlessTraining, string? cwd = null)
    {
        string python = HostTools.Python ?? throw new InvalidOperationException($"python3 with jupyter_client is not installed ({HostTools.Install})");
        string file = Path.Combine(folder, "drive.py");
        File.WriteAllText(file, script);
        var run = ChildProcess.Run(python, [file, cwd ?? TestPaths.Notebooks, new JsonArray(cells.Select(c => (JsonNode)c).ToArray()).ToJsonString(), endless], folder, environment, TimeSpan.FromMinutes(20));
        string? line = run.Out.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        Assert.True(line is not null, $"exit {run.ExitCode}\n{run.Output}");
        return JsonNode.Parse(line!["RESULT ".Length..])!.AsObject();
    }
}
