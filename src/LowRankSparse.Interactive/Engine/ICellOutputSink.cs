namespace LowRankSparse.Interactive.Engine;

/// <summary>Receives a cell's outputs as they happen (the kernel publishes them live, the runner collects them).</summary>
public interface ICellOutputSink
{
    void Add(CellOutput output);
}

/// <summary>Discards everything (silent executions).</summary>
public sealed class NullOutputSink : ICellOutputSink
{
    public static readonly NullOutputSink Instance = new();
    public void Add(CellOutput output) { }
}
