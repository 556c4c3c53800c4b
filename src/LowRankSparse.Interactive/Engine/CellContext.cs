namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// The cell being executed, for the code running on its behalf: an AsyncLocal, so it follows the cell into tasks and
/// continuations, and a thread abandoned after a timeout keeps writing into its own (closed) context, never into a later cell.
/// </summary>
internal sealed class CellContext : IDisposable
{
    private static readonly AsyncLocal<CellContext?> CurrentCell = new();
    private readonly ICellOutputSink _sink;
    private readonly Lock _gate = new();
    private bool _closed;

    public CellContext(ICellOutputSink sink, CancellationToken cancellation)
    {
        _sink = sink;
        Cancellation = cancellation;
        Out = new CellStreamWriter(this, StreamOutput.Stdout);
        Error = new CellStreamWriter(this, StreamOutput.Stderr);
    }

    public static CellContext? Current
    {
        get => CurrentCell.Value;
        set => CurrentCell.Value = value;
    }

    public CancellationToken Cancellation { get; }
    public CellStreamWriter Out { get; }
    public CellStreamWriter Error { get; }

    /// <summary>Sends an output, after any text still buffered in the streams, so outputs keep their order.</summary>
    public void Add(CellOutput output)
    {
        if (output is not StreamOutput)
        {
            Out.Flush();
            Error.Flush();
        }
        lock (_gate)
        {
            if (!_closed) _sink.Add(output);
        }
    }

    /// <summary>Flushes the streams; later writes (from an abandoned thread) are dropped.</summary>
    public void Dispose()
    {
        Out.Flush();
        Error.Flush();
        lock (_gate) _closed = true;
    }
}
