using System.Text.Json.Nodes;
using LowRankSparse.Tests.Interactive;

namespace LowRankSparse.Tests.Hosts;

/// <summary>
/// A teaching notebook executed by Jupyter's own client (nbclient, quick mode injected after the parameters cell, the kernel
/// named by the notebook's metadata unless given) and converted to HTML by nbconvert: what a Jupyter user gets.
/// </summary>
internal sealed record JupyterRun(string Executed, string Html, int Errors, string Log)
{
    private const string Script = """
        import sys, nbformat
        from nbclient import NotebookClient
        source, executed, cwd, kernel = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
        nb = nbformat.read(source, as_version=4)
        at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
        nb.cells.insert(at + 1, nbformat.v4.new_code_cell("Quick = true;", metadata={"tags": ["injected-parameters"]}))
        options = {"kernel_name": kernel} if kernel else {}
        NotebookClient(nb, timeout=900, allow_errors=True, resources={"metadata": {"path": cwd}}, **options).execute()
        nbformat.write(nb, executed)
        """;

    /// <param name="environment">JUPYTER_PATH / JUPYTER_DATA_DIR of the kernelspecs to use.</param>
    public static JupyterRun Execute(string notebook, string folder, IDictionary<string, string> environment, string? kernel = null)
    {
        string python = HostTools.Python ?? throw new InvalidOperationException($"python3 with nbclient is not installed ({HostTools.Install})");
        string script = Path.Combine(folder, "execute.py");
        File.WriteAllText(script, Script);
        string name = Path.GetFileNameWithoutExtension(notebook);
        string executed = Path.Combine(folder, name + ".ipynb");
        // the kernel starts in the notebooks' folder: relative #r paths resolve, and `dotnet interactive` finds the repository's tool manifest
        var run = ChildProcess.Run(python, [script, notebook, executed, Path.GetDirectoryName(notebook)!, kernel ?? ""], folder, environment, TimeSpan.FromMinutes(20));
        if (run.ExitCode != 0) throw new InvalidOperationException($"nbclient failed on {name} (exit {run.ExitCode}):\n{run.Output}");
        // the notebook's setup cell wrote plotly.js into the kernel's folder, the notebook's; a user's export lands beside it, ours in
        // `folder`: give it the same neighbour (and fail if the setup cell wrote none)
        string plotly = Path.Combine(Path.GetDirectoryName(notebook)!, LowRankSparse.Display.PlotlyAssets.FileName);
        if (!File.Exists(plotly)) throw new InvalidOperationException($"the kernel wrote no {plotly}");
        File.Copy(plotly, Path.Combine(folder, Path.GetFileName(plotly)), overwrite: true);
        return new JupyterRun(executed, Convert(executed, folder, environment), ProblemOutputs(executed), run.Output);
    }

    /// <summary>nbconvert's HTML of an executed notebook, written into <paramref name="folder"/> as NAME.nbconvert.html; returns its path.</summary>
    public static string Convert(string executed, string folder, IDictionary<string, string> environment)
    {
        string python = HostTools.Python ?? throw new InvalidOperationException($"python3 with nbconvert is not installed ({HostTools.Install})");
        string name = Path.GetFileNameWithoutExtension(executed);
        var convert = ChildProcess.Run(python, ["-m", "nbconvert", "--to", "html", "--output-dir", folder, "--output", name + ".nbconvert", executed], folder, environment, TimeSpan.FromMinutes(5));
        if (convert.ExitCode != 0) throw new InvalidOperationException($"nbconvert failed on {name}:\n{convert.Output}");
        return Path.Combine(folder, name + ".nbconvert.html");
    }

    /// <summary>
    /// Issue #25: what a student reads as "something went wrong" — error outputs and stderr streams, where every host shows the
    /// compiler's warnings and infos (Microsoft's kernel: "info CS9236 …"; ours and our runner the same way) — with the first one's text.
    /// </summary>
    public static int ProblemOutputs(string executed) => Outputs(executed).Count(IsProblem);

    public static string FirstProblem(string executed) => Outputs(executed).Where(IsProblem).Select(Describe).FirstOrDefault() ?? "";

    /// <summary>An error output or a stderr stream (nbformat's output JSON, as a file or a front end's notebook model holds it).</summary>
    public static bool IsProblem(JsonObject output) =>
        (string?)output["output_type"] == "error" || ((string?)output["output_type"] == "stream" && (string?)output["name"] == "stderr");

    public static string Describe(JsonObject output) =>
        (string?)output["output_type"] == "error" ? $"{output["ename"]}: {output["evalue"]}" : "stderr: " + Text(output["text"]!);

    /// <summary>Chart outputs (HTML calling Plotly.newPlot) in an executed notebook.</summary>
    public static int ChartOutputs(string executed) => Outputs(executed).Count(IsChart);

    public static bool IsChart(JsonObject output) =>
        output["data"]?["text/html"] is { } html && Text(html).Contains("Plotly.newPlot", StringComparison.Ordinal);

    private static IEnumerable<JsonObject> Outputs(string executed) =>
        JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"] as JsonArray ?? []).OfType<JsonObject>();

    private static string Text(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
}
