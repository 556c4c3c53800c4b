using System.Text;

namespace LowRankSparse.Interactive.Engine;

/// <summary>Console text of a cell: buffered, and sent as a stream output at each end of line and when the cell ends.</summary>
internal sealed class CellStreamWriter(CellContext cell, string name) : TextWriter
{
    private readonly StringBuilder _buffer = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate) _buffer.Append(value);
        if (value == '\n') Flush();
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        lock (_gate) _buffer.Append(value);
        if (value.Contains('\n')) Flush();
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        string text;
        lock (_gate)
        {
            if (_buffer.Length == 0) return;
            text = _buffer.ToString();
            _buffer.Clear();
        }
        cell.Add(new StreamOutput(name, text));
    }
}
