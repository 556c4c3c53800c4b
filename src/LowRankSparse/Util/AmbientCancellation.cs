namespace LowRankSparse.Util;

/// <summary>
/// A cancellation token a host sets for the code it runs on its behalf (the notebook engine: the running cell's token), so the
/// library's long loops — training, LoRA — stop on a notebook interrupt or timeout without every call passing a token.
/// An AsyncLocal: it follows the code into tasks and threads it starts, and never leaks into other cells.
/// </summary>
public static class AmbientCancellation
{
    private static readonly AsyncLocal<CancellationToken> Token = new();

    /// <summary>
    /// The token of a host that does not set one with <see cref="Use"/> but has its own notion of the running cell (Microsoft's .NET
    /// Interactive kernel: <c>Display.MicrosoftKernel</c>); consulted only when no token was set.
    /// </summary>
    public static Func<CancellationToken>? HostToken { get; set; }

    public static CancellationToken Current => Token.Value.CanBeCanceled ? Token.Value : HostToken?.Invoke() ?? default;

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
        Current.ThrowIfCancellationRequested();
    }

    private sealed class Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => Token.Value = previous;
    }
}
