namespace LowRankSparse.Hosting;

/// <summary>
/// What the notebook engine (our runner and our kernel) asks of the library whose notebooks it runs. The engine knows nothing of
/// the library beyond this; the library's notebook adapter implements it and the program that starts the engine passes it in.
/// </summary>
public interface INotebookHost
{
    /// <summary>Once per engine session, before its first cell: register the rich display formatters (with
    /// Microsoft.DotNet.Interactive.Formatting, which the engine reads) and whatever else every session needs.</summary>
    void Start();

    /// <summary>On the cell's thread, around one cell: the library's long loops watch <paramref name="cancellation"/> (interrupt,
    /// timeout) until the returned scope is disposed.</summary>
    IDisposable EnterCell(CancellationToken cancellation);

    /// <summary>When the engine waits (after a cell, between notebooks): give memory the cells freed back to the system.</summary>
    void CleanUp();

    /// <summary>The script a page needs to draw chart outputs; null when the host draws no charts.</summary>
    ChartAssets? Charts { get; }

    /// <summary>What every cell can use without a directive, and the packages a <c>#r "nuget: …"</c> may name.</summary>
    HostPackages Packages { get; }
}
