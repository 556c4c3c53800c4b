using LowRankSparse.Hosting;

namespace LowRankSparse.Interactive.Tests;

/// <summary>The host the shared test helpers (<see cref="EngineSession"/>, <see cref="KernelHarness"/>) use unless told otherwise:
/// here the test host; the library's tests, which compile the same helpers, define it as the library's adapter.</summary>
internal static class DefaultHost
{
    public static INotebookHost Instance => TestHost.Instance;
}
