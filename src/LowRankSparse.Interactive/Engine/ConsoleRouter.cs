using System.Text;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// Replaces Console.Out and Console.Error with writers that send text to the current cell's streams, and to the original
/// console when no cell is running (so host logs still reach the terminal). Installed again if someone else replaced them.
/// </summary>
public static class ConsoleRouter
{
    private static readonly Lock Gate = new();
    private static TextWriter? _routedOut, _routedError;

    /// <summary>The console's error writer before routing: for host logs that must never land in a cell.</summary>
    public static TextWriter OriginalError { get; private set; } = Console.Error;

    public static void Install()
    {
        lock (Gate)
        {
            if (ReferenceEquals(Console.Out, _routedOut) && ReferenceEquals(Console.Error, _routedError)) return;
            if (!ReferenceEquals(Console.Error, _routedError)) OriginalError = Console.Error;
            if (!ReferenceEquals(Console.Out, _routedOut)) Console.SetOut(new RoutingWriter(Console.Out, cell => cell.Out));
            if (!ReferenceEquals(Console.Error, _routedError)) Console.SetError(new RoutingWriter(Console.Error, cell => cell.Error));
            _routedOut = Console.Out;      // Console wraps the writers: remember what it returns
            _routedError = Console.Error;
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
