using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) over one <see cref="NotebookEngine"/> session. Shell requests run one at a time on a
/// worker thread, so the control channel (interrupt, shutdown) and the heartbeat always answer, even during a long cell.
/// Every request is framed by status busy/idle on iopub.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private readonly NotebookEngine _engine;
    private readonly KernelServer _server;
    private readonly MessageFactory _messages = new();
    private readonly ShellHandlers _shellHandlers;
    private readonly ExecuteHandler _execute;
    private readonly BlockingCollection<JupyterMessage> _shellQueue = new();
    private readonly Thread _worker;
    private readonly ManualResetEventSlim _shutdown = new();
    private readonly TextWriter _log;

    public JupyterKernel(ConnectionInfo connection, string workingDirectory, INotebookHost host, TextWriter? log = null)
    {
        _log = log ?? ConsoleRouter.OriginalError;
        _server = new KernelServer(connection, OnRequest, _log);   // first: a port in use fails before an engine exists
        _engine = new NotebookEngine(EngineOptions.For(workingDirectory, host));
        _shellHandlers = new ShellHandlers(_engine);
        _execute = new ExecuteHandler(_engine, _server, _messages);
        _worker = new Thread(ServeShell) { IsBackground = true, Name = "jupyter shell" };
    }

    /// <summary>The connection as bound (the free ports it got for a connection file's port 0).</summary>
    public ConnectionInfo Connection => _server.Connection;

    /// <summary>Shell requests received and waiting for the worker (the one being served is not counted).</summary>
    public int QueuedShellRequests => _shellQueue.Count;

    public void Start()
    {
        _worker.Start();
        _server.Start();
        _server.Send(KernelChannel.IoPub, _messages.Broadcast(null, "status", new JsonObject { ["execution_state"] = "starting" }));
    }

    /// <summary>Blocks until a shutdown_request was answered (or <paramref name="timeout"/> passed: false).</summary>
    public bool WaitForShutdown(TimeSpan? timeout = null)
    {
        if (!_shutdown.Wait(timeout ?? Timeout.InfiniteTimeSpan)) return false;
        _server.WaitUntilStopped();
        return true;
    }

    /// <summary>On the socket thread: control requests are answered at once, shell requests are queued for the worker.</summary>
    private void OnRequest(KernelChannel channel, JupyterMessage request)
    {
        if (channel == KernelChannel.Stdin)
        {
            _log.WriteLine($"kernel: ignored a stdin {request.Type} (this kernel never asks for input)");
            return;
        }
        bool immediate = channel == KernelChannel.Control || request.Type is "shutdown_request" or "interrupt_request";
        if (immediate) Serve(channel, request);
        else if (!_shellQueue.IsAddingCompleted) _shellQueue.Add(request);
    }

    private void ServeShell()
    {
        foreach (var request in _shellQueue.GetConsumingEnumerable())
        {
            var reply = Serve(KernelChannel.Shell, request);
            if (reply is not null && StopsTheQueue(request, reply)) AbortQueuedExecutions();
            // after the reply and idle went out: the host gives the cell's freed memory back while the user reads the output
            if (request.Type == "execute_request" && _shellQueue.Count == 0) _engine.Host.CleanUp();
        }
    }

    /// <summary>A failed (or interrupted) cell whose request kept stop_on_error (the default) cancels the cells queued behind it.</summary>
    private static bool StopsTheQueue(JupyterMessage request, JsonObject reply) =>
        request.Type == "execute_request" && reply["status"]?.GetValue<string>() == "error" && request.Flag("stop_on_error", true)
        && !request.Flag("silent", false);

    /// <summary>
    /// Like ipykernel: every execute_request already received when a cell failed is answered with status "aborted" and not run
    /// ("Run All" stops at the first error instead of piling up follow-up errors); other requests are served as usual, and
    /// requests arriving later run normally.
    /// </summary>
    private void AbortQueuedExecutions()
    {
        while (_shellQueue.TryTake(out var queued))
        {
            if (queued.Type != "execute_request")
            {
                Serve(KernelChannel.Shell, queued);
                continue;
            }
            Status(queued, "busy");
            _server.Send(KernelChannel.Shell, _messages.Reply(queued, "execute_reply", new JsonObject { ["status"] = "aborted" }));
            Status(queued, "idle");
        }
    }

    /// <summary>Answers one request, framed by busy/idle; returns the reply content (null when none was sent).</summary>
    private JsonObject? Serve(KernelChannel channel, JupyterMessage request)
    {
        Status(request, "busy");
        JsonObject? reply = null;
        try
        {
            reply = request.Type switch
            {
                "execute_request" => _execute.Handle(request),
                "interrupt_request" => Interrupt(),
                "shutdown_request" => new JsonObject { ["status"] = "ok", ["restart"] = request.Flag("restart", false) },
                _ => _shellHandlers.Handle(request),
            };
            if (reply is null) _log.WriteLine($"kernel: Unknown message type: '{request.Type}' (no reply, as ipykernel)");
            else _server.Send(channel, _messages.Reply(request, request.Type.Replace("_request", "_reply"), reply));
        }
        catch (Exception e)
        {
            _log.WriteLine($"kernel: {request.Type} failed: {e.Message}");
        }
        finally
        {
            Status(request, "idle");
        }
        if (request.Type == "shutdown_request") Shutdown();
        return reply;
    }

    private JsonObject Interrupt()
    {
        _engine.Interrupt();
        return new JsonObject { ["status"] = "ok" };
    }

    private void Status(JupyterMessage request, string state) =>
        _server.Send(KernelChannel.IoPub, _messages.Broadcast(request, "status", new JsonObject { ["execution_state"] = state }));

    private void Shutdown()
    {
        _shellQueue.CompleteAdding();
        _engine.Interrupt();
        _server.Stop();
        _shutdown.Set();
    }

    public void Dispose()
    {
        if (!_shellQueue.IsAddingCompleted) _shellQueue.CompleteAdding();
        _engine.Interrupt();
        _server.Dispose();
        _engine.Dispose();
        _shutdown.Dispose();
        if (!_worker.IsAlive || _worker.Join(TimeSpan.FromSeconds(1))) _shellQueue.Dispose();  // else a cell still holds the worker
    }
}
