namespace LowRankSparse.Interactive.Engine;

/// <summary>One output of a cell, in the shape Jupyter uses (nbformat outputs and iopub messages alike).</summary>
public abstract record CellOutput;

/// <summary>Text written to Console.Out ("stdout") or Console.Error ("stderr").</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
}

/// <summary>A rich value: MIME type → content (always text/plain, text/html when a formatter is registered, Plotly's JSON for charts).</summary>
/// <param name="IsPlotlyChart">True when the HTML draws a Plotly chart, which needs plotly.js on the page.</param>
public record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsPlotlyChart) : CellOutput;

/// <summary>The value of a cell's last expression (a display with the cell's execution count).</summary>
public sealed record ExecuteResultOutput(IReadOnlyDictionary<string, string> Data, bool IsPlotlyChart, int ExecutionCount)
    : DisplayOutput(Data, IsPlotlyChart);

/// <summary>A compilation error, a runtime exception, a timeout or an interrupt.</summary>
/// <param name="Line">The 1-based line in the cell where it failed, when known.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback, int? Line) : CellOutput;
