namespace LowRankSparse.Interactive.Engine;

/// <summary>Keeps a cell's outputs in order, merging consecutive text of the same stream into one output (as nbformat files do).</summary>
public sealed class OutputCollector : ICellOutputSink
{
    private readonly List<CellOutput> _outputs = [];
    private readonly Lock _gate = new();

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            if (output is StreamOutput stream && _outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream.Name)
                _outputs[^1] = last with { Text = last.Text + stream.Text };
            else
                _outputs.Add(output);
        }
    }

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_gate) return _outputs.ToList();
        }
    }
}
