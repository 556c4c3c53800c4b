using System.Diagnostics;
using System.Text.Json.Nodes;
using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Notebooks;

/// <summary>Settings of a headless run.</summary>
/// <param name="CellTimeout">Limit per cell; null = none.</param>
public sealed record RunSettings(IReadOnlyList<NotebookParameter> Parameters, TimeSpan? CellTimeout);

/// <summary>
/// Executes a notebook's code cells in order in one engine session, papermill style: parameters are injected first; the run
/// stops at the first failing cell, whose error is in the notebook; cells after it are left without outputs. Cells run with the
/// current directory set to the notebook's folder, as in Jupyter (restored afterwards).
/// </summary>
public static class NotebookRunner
{
    public static NotebookRunResult Run(Notebook notebook, RunSettings settings, INotebookHost host, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        bool injected = ParameterInjection.Inject(notebook, settings.Parameters);
        string previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = notebook.Folder;
        try
        {
            using var engine = new NotebookEngine(EngineOptions.For(notebook.Folder, host));
            var failure = RunCells(notebook, engine, settings, cancellation);
            return new NotebookRunResult(notebook, clock.Elapsed, failure, injected);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            // between notebooks: finalize what the cells left to the GC (e.g. tensors), then let the host give freed memory back
            GC.Collect();
            GC.WaitForPendingFinalizers();
            host.CleanUp();
        }
    }

    private static NotebookFailure? RunCells(Notebook notebook, NotebookEngine engine, RunSettings settings, CancellationToken cancellation)
    {
        NotebookFailure? failure = null;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode) continue;
            if (failure is not null)
            {
                cell.SetResult([], null);
                continue;
            }
            var outputs = new OutputCollector();
            var result = engine.ExecuteAsync(new CellRequest(cell.Source, settings.CellTimeout), outputs, cancellation).GetAwaiter().GetResult();
            cell.SetResult(new JsonArray(outputs.Outputs.Select(o => (JsonNode)OutputJson.ToJson(o)).ToArray()), result.ExecutionCount);
            if (result.Error is { } error)
                failure = new NotebookFailure(Path.GetFileName(notebook.Path), i + 1, error.Line, error.Name, error.Value);
        }
        return failure;
    }
}
