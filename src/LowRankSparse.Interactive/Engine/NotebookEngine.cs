using System.Diagnostics;
using LowRankSparse.Hosting;
using Microsoft.CodeAnalysis.Scripting;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// One C# notebook session, shared by the headless runner and the Jupyter kernel: cells run one at a time, in order, on a
/// dedicated thread, with state kept across cells. Outputs (console text, display(x), the last expression's value, errors) go
/// to the sink as they happen.
/// Timeout and interrupt: the cell's <see cref="NotebookGlobals.Cancellation"/> token is cancelled and its thread is woken from
/// any Sleep/Wait; if the cell has not stopped after <see cref="EngineOptions.InterruptGrace"/>, the engine reports the cell
/// as stopped anyway, abandons that thread (it may keep running in the background) and runs later cells on a new thread,
/// with the state as it was before the stopped cell. The engine stays usable either way.
/// </summary>
public sealed class NotebookEngine : IDisposable
{
    private readonly EngineOptions _options;
    private readonly ScriptSession _session;
    private readonly ReferenceResolver _references;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private CellThread _thread = new();
    private CancellationTokenSource? _running;
    private volatile bool _interrupted;
    private int _silent;

    public NotebookEngine(EngineOptions options)
    {
        _options = options;
        _session = new ScriptSession(options.Host.Packages);
        _references = new ReferenceResolver(options.BaseDirectory, options.Host.Packages);
        ConsoleRouter.Install();
        options.Host.Start();
    }

    /// <summary>The library this session's notebooks use.</summary>
    public INotebookHost Host => _options.Host;

    /// <summary>The execution count of the last cell that stored history (0 before the first).</summary>
    public int ExecutionCount { get; private set; }

    public async Task<CellResult> ExecuteAsync(CellRequest request, ICellOutputSink sink, CancellationToken cancellation = default)
    {
        await _oneAtATime.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            int count = request.StoreHistory ? ++ExecutionCount : ExecutionCount;
            return await RunAsync(request, count, sink, cancellation).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Stops the running cell, if any (see the class remarks). Safe to call from any thread.</summary>
    public void Interrupt()
    {
        _interrupted = true;
        try
        {
            _running?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the cell ended meanwhile
        }
    }

    /// <summary>Completions at <paramref name="position"/> (a UTF-16 index) as if <paramref name="code"/> were the next cell.
    /// Call between cells (the kernel handles requests one at a time).</summary>
    public CompletionList Complete(string code, int position)
    {
        string blanked = BlankDirectives(code);  // same length and offsets, directives blanked
        return Completions.At(_session.CompilationFor(blanked), blanked, position);
    }

    /// <summary>A description of the symbol at <paramref name="position"/> (UTF-16) in <paramref name="code"/> as the next cell, or null.</summary>
    public string? Inspect(string code, int position)
    {
        string blanked = BlankDirectives(code);
        return Inspection.At(_session.CompilationFor(blanked), blanked, position);
    }

    /// <summary>Whether <paramref name="code"/> is a whole submission (false: e.g. an open bracket or string; wait for more lines).</summary>
    public static bool IsComplete(string code) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFactory.IsCompleteSubmission(
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(BlankDirectives(code), ScriptSession.ParseOptions));

    private static string BlankDirectives(string code)
    {
        try
        {
            return CellDirectives.Parse(code).Code;
        }
        catch (DirectiveException)
        {
            return code;
        }
    }

    private async Task<CellResult> RunAsync(CellRequest request, int count, ICellOutputSink sink, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        ConsoleRouter.Install();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (request.Timeout is { } limit) stop.CancelAfter(limit);
        using var cell = new CellContext(sink, stop.Token);
        // the name stack traces show: In[N] as Jupyter labels the cell (unique: silent cells get their own)
        string cellPath = request.StoreHistory ? $"In[{count}]" : $"silent{++_silent}";
        _interrupted = false;
        _running = stop;
        var work = _thread.Run(() => RunOnCellThread(request.Code, cell, cellPath));
        try
        {
            await work.WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await StopAsync(work).ConfigureAwait(false);
            var status = _interrupted || cancellation.IsCancellationRequested ? CellStatus.Interrupted : CellStatus.Timeout;
            return Finish(cell, new CellResult(status, count, ErrorReports.Stopped(status, request.Timeout, !work.IsCompleted), clock.Elapsed));
        }
        finally
        {
            _running = null;
        }
        var (outcome, error) = await work.ConfigureAwait(false);
        if (outcome is not null)
        {
            _session.Commit(outcome);
            if (outcome.Exception is not null) error = ErrorReports.Runtime(outcome.Exception, cellPath);
            else if (outcome.HasValue) cell.Add(RichValue.Result(outcome.Value, count));
        }
        return Finish(cell, new CellResult(error is null ? CellStatus.Ok : CellStatus.Error, count, error, clock.Elapsed));
    }

    private static CellResult Finish(CellContext cell, CellResult result)
    {
        if (result.Error is not null) cell.Add(result.Error);
        return result;
    }

    /// <summary>Wakes the cell thread; if the cell still runs after the grace period, abandons the thread for a new one.</summary>
    private async Task StopAsync(Task work)
    {
        _thread.Interrupt();
        try
        {
            await work.WaitAsync(_options.InterruptGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _thread.Dispose();
            _thread = new CellThread();
        }
        catch (Exception)
        {
            // the cell ended with its own exception (e.g. ThreadInterruptedException): reported as stopped
        }
    }

    /// <summary>Compiles and runs one cell on the cell thread: either what it gave, or why it could not run.</summary>
    private (ScriptOutcome? Outcome, ErrorOutput? Error) RunOnCellThread(string source, CellContext cell, string cellPath)
    {
        if (cell.Cancellation.IsCancellationRequested) return (null, null);  // stopped before it started: the caller reports that
        CellContext.Current = cell;
        using var ambient = _options.Host.EnterCell(cell.Cancellation);   // the library's long loops stop too
        try
        {
            var parsed = CellDirectives.Parse(source);
            foreach (var reference in _references.Resolve(parsed.Directives)) _session.AddReference(reference);
            return (_session.Run(parsed.Code, cellPath, cell.Cancellation, cell.Error), null);
        }
        catch (DirectiveException e)
        {
            return (null, ErrorReports.Directive(e));
        }
        catch (CompilationErrorException e)
        {
            return (null, ErrorReports.Compilation(e));
        }
        catch (Exception e) when (e is not ThreadInterruptedException)
        {
            return (null, ErrorReports.Runtime(e, cellPath));
        }
        finally
        {
            CellContext.Current = null;
        }
    }

    public void Dispose()
    {
        Interrupt();
        _thread.Dispose();
        _oneAtATime.Dispose();
    }
}
