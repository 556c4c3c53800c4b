namespace LowRankSparse.Interactive.Engine;

public enum CellStatus { Ok, Error, Timeout, Interrupted }

/// <summary>How one cell ended. Outputs (including the error output) went to the sink as they happened.</summary>
/// <param name="ExecutionCount">The cell's execution count (the same count again for a cell that does not store history).</param>
public sealed record CellResult(CellStatus Status, int ExecutionCount, ErrorOutput? Error, TimeSpan Duration)
{
    public bool Succeeded => Status == CellStatus.Ok;
}

/// <summary>Per-cell settings.</summary>
/// <param name="Timeout">Wall-clock limit; null = none.</param>
/// <param name="StoreHistory">False: the execution count does not advance (Jupyter's store_history).</param>
public sealed record CellRequest(string Code, TimeSpan? Timeout = null, bool StoreHistory = true);
