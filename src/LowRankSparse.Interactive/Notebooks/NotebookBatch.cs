using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Notebooks.Html;

namespace LowRankSparse.Interactive.Notebooks;

/// <summary>
/// <c>notebooks run</c>: checks every notebook first (bad input stops everything before any cell runs), then runs each in its own
/// session and writes OUT/NAME.ipynb (executed, partial after a failure), OUT/NAME.html and OUT/index.html, and once
/// the host's chart script (e.g. OUT/plotly-VERSION.min.js), which the notebooks' chart outputs load when opened from there (pages have it inlined).
/// </summary>
public static class NotebookBatch
{
    public static IReadOnlyList<NotebookRunResult> Run(
        IReadOnlyList<string> files, RunSettings settings, INotebookHost host, string outDir, TextWriter log, CancellationToken cancellation = default)
    {
        var notebooks = files.Select(f => Notebook.Load(f, host.Packages)).ToList();
        ParameterCell.CheckKnown(notebooks, settings.Parameters);
        Directory.CreateDirectory(outDir);
        host.Charts?.WriteInto(outDir);
        var results = new List<NotebookRunResult>();
        foreach (var notebook in notebooks)
        {
            log.WriteLine($"running {Path.GetFileName(notebook.Path)} …");
            var result = NotebookRunner.Run(notebook, settings, host, cancellation);
            Write(result, host.Charts, outDir);
            results.Add(result);
            log.WriteLine(Describe(result));
            File.WriteAllText(Path.Combine(outDir, "index.html"), IndexHtml.Render(results));
        }
        return results;
    }

    public static string Describe(NotebookRunResult result)
    {
        string time = $"{result.Duration.TotalSeconds:F1} s";
        string note = result.ParametersInjected ? "" : " (no cell tagged 'parameters': nothing injected)";
        return result.Failure is null
            ? $"  ok    {result.Notebook.Name} in {time}{note}"
            : $"  FAIL  {result.Notebook.Name} after {time}{note}\n  {result.Failure}";
    }

    private static void Write(NotebookRunResult result, ChartAssets? charts, string outDir)
    {
        string name = result.Notebook.Name;
        result.Notebook.Save(Path.Combine(outDir, name + ".ipynb"));
        File.WriteAllText(Path.Combine(outDir, name + ".html"), NotebookHtml.Render(result.Notebook, result.Failure, charts));
    }
}
