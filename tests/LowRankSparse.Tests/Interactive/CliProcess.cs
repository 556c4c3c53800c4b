namespace LowRankSparse.Tests.Interactive;

/// <summary>The built CLI (the copy in the test output folder), run as a process.</summary>
internal static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "LowRankSparse.Cli.dll");

    public static ChildProcess.Result Run(string workingDirectory, params string[] args) =>
        ChildProcess.Run("dotnet", [Dll, .. args], workingDirectory);

    public static ChildProcess.Result Run(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        ChildProcess.Run("dotnet", [Dll, .. args], workingDirectory, environment);
}
