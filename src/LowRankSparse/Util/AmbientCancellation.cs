namespace LowRankSparse.Util;

/// <summary>
/// A cancellation token a host sets for the code it runs on its behalf (the notebook engine: the running cell's token), so the
/// library's long loops — training, LoRA — stop on a notebook interrupt or timeout without every call passing a token.
/// An AsyncLocal: it follows the code into tasks and threads it starts, and never leaks into other cells.
/// </summary>
public static class AmbientCancellation
{
    private static readonly AsyncLocal<CancellationToken> Token = new();

    public static CancellationToken Current => Token.Value;

    /// <summary>Sets the ambient token until the returned scope is disposed (then the previous one is back).</summary>
    public static IDisposable Use(CancellationToken token)
    {
        var previous = Token.Value;
        Token.Value = token;
        return new Scope(previous);
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when <paramref name="explicitToken"/> or the ambient token is cancelled.</summary>
    public static void ThrowIfCancellationRequested(CancellationToken explicitToken)
    {
        explicitToken.ThrowIfCancellationRequested();
        Token.Value.ThrowIfCancellationRequested();
    }

    private sealed class Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => Token.Value = previous;
    }
}
