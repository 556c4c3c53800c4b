using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace LowRankSparse.Interactive.Engine;

/// <summary>Error outputs for the ways a cell fails, each with the 1-based line in the cell where known.</summary>
internal static partial class ErrorReports
{
    public static ErrorOutput Compilation(CompilationErrorException e)
    {
        var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0) errors = e.Diagnostics.ToList();
        var lines = errors.Select(Describe).ToList();
        if (errors.Any(d => d.Id is "CS0103" or "CS0246")) lines.Add(UnknownNameHint);
        int? line = errors.Count > 0 ? LineOf(errors[0]) : null;
        return new ErrorOutput("CompilationError", lines.FirstOrDefault() ?? e.Message, lines, line);
    }

    /// <summary>Issue #25: after a kernel restart every name the setup cells brought (ConfigFiles, SeedRuns, …) is gone.</summary>
    public const string UnknownNameHint =
        "hint: a name the notebook's setup cells bring (ConfigFiles, SeedRuns, …) or an earlier cell declared is unknown: after a kernel restart, run the notebook's first code cells again (Run All runs them too)";

    public static ErrorOutput Directive(DirectiveException e) => new("DirectiveError", e.Message, [e.Message], e.Line);

    /// <param name="cellPath">The file path the cell was compiled under: frames in it give the line.</param>
    public static ErrorOutput Runtime(Exception e, string cellPath)
    {
        var traceback = e.ToString().Split('\n')
            .Select(l => Readable(l.TrimEnd('\r')))
            .Where(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("--- End of stack trace", StringComparison.Ordinal))
            .ToList();
        return new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, traceback, FailingLine(e, cellPath));
    }

    public static ErrorOutput Stopped(CellStatus status, TimeSpan? timeout, bool abandoned)
    {
        string how = status == CellStatus.Timeout ? $"cell timed out after {timeout?.TotalSeconds:0.#} s" : "cell interrupted";
        string note = abandoned
            ? " (it did not stop within the grace period: its thread was abandoned and may still run in the background, keeping a core busy; later cells run on a new thread. " +
              "Restart the kernel to free the core, then run the notebook's first code cells again)"
            : "";
        return new ErrorOutput(status == CellStatus.Timeout ? "TimeoutError" : "Interrupted", how + note, [how + note], null);
    }

    /// <summary>"at Submission#3.<<Initialize>>d__0.MoveNext() in In[3]:line 2" → "at <cell> in In[3], line 2".</summary>
    private static string Readable(string line)
    {
        line = InitializeFrame().Replace(line, "<cell>");
        line = SubmissionPrefix().Replace(line, "");
        return CellLine().Replace(line, " in $1, line $2");
    }

    [GeneratedRegex(@"Submission#\d+\.<<Initialize>>d__\d+\.MoveNext\(\)")]
    private static partial Regex InitializeFrame();

    [GeneratedRegex(@"Submission#\d+\.")]
    private static partial Regex SubmissionPrefix();

    [GeneratedRegex(@" in ((?:In\[\d+\])|(?:silent\d+)):line (\d+)")]
    private static partial Regex CellLine();

    /// <summary>The innermost frame compiled from this cell: where the exception was thrown, or the cell line that called into it.</summary>
    private static int? FailingLine(Exception e, string cellPath)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            var frame = new StackTrace(current, true).GetFrames()
                .FirstOrDefault(f => f.GetFileName() == cellPath && f.GetFileLineNumber() > 0);
            if (frame is not null) return frame.GetFileLineNumber();
        }
        return null;
    }

    private static int LineOf(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

    public static string Describe(Diagnostic d)
    {
        var start = d.Location.GetLineSpan().StartLinePosition;
        string where = d.Location.IsInSource ? $"(line {start.Line + 1}, col {start.Character + 1}) " : "";
        return $"{where}{d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
