namespace LowRankSparse.Interactive.Engine;

/// <summary>Members every cell can call directly, as in .NET Interactive notebooks.</summary>
public sealed class NotebookGlobals
{
    /// <summary>Shows <paramref name="value"/> as an output of the running cell (HTML for charts, text otherwise).</summary>
#pragma warning disable IDE1006 // lower case: the notebook convention
    public void display(object? value)
#pragma warning restore IDE1006
    {
        CellContext.Current?.Add(RichValue.Display(value));
    }

    /// <summary>Cancelled when the cell times out or is interrupted: long loops can check it to stop early.</summary>
    public CancellationToken Cancellation => CellContext.Current?.Cancellation ?? CancellationToken.None;
}
