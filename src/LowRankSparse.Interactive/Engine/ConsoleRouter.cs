using System.Text;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// Replaces Console.Out and Console.Error once per process with writers that send text to the current cell's streams,
/// and to the original console when no cell is running (so host logs still reach the terminal).
/// </summary>
public static class ConsoleRouter
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>The console's error writer before routing: for host logs that must never land in a cell.</summary>
    public static TextWriter OriginalError { get; private set; } = Console.Error;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            OriginalError = Console.Error;
            Console.SetOut(new RoutingWriter(Console.Out, cell => cell.Out));
            Console.SetError(new RoutingWriter(Console.Error, cell => cell.Error));
            _installed = true;
        }
    }

    private sealed class RoutingWriter(TextWriter original, Func<CellContext, TextWriter> pick) : TextWriter
    {
        private TextWriter Target => CellContext.Current is { } cell ? pick(cell) : original;
        public override Encoding Encoding => original.Encoding;
        public override void Write(char value) => Target.Write(value);
        public override void Write(string? value) => Target.Write(value);
        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);
        public override void WriteLine(string? value) => Target.Write(value + Environment.NewLine);
        public override void Flush() => Target.Flush();
    }
}
