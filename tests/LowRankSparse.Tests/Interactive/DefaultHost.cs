using LowRankSparse.Display;
using LowRankSparse.Hosting;

namespace LowRankSparse.Interactive.Tests;

/// <summary>The host the shared engine and kernel helpers (compiled here from LowRankSparse.Interactive.Tests/Support) use in the
/// library's tests: the library's notebook adapter, as the CLI wires it.</summary>
internal static class DefaultHost
{
    public static INotebookHost Instance => LibraryNotebookHost.Instance;
}
