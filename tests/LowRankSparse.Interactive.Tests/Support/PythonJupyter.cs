namespace LowRankSparse.Interactive.Tests;

/// <summary>A python3 that can import nbclient, jupyter_client and nbformat (Debian: python3-nbclient, python3-jupyter-client), if any.</summary>
internal static class PythonJupyter
{
    private static readonly Lazy<string?> Found = new(() =>
        new[] { "python3", "/usr/bin/python3" }.FirstOrDefault(python =>
            ChildProcess.Run(python, ["-c", "import nbclient, jupyter_client, nbformat"], timeout: TimeSpan.FromSeconds(30)).ExitCode == 0));

    public static string? Python => Found.Value;
}

/// <summary>A fact that is skipped (not failed) when python3 with nbclient is not installed.</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        if (PythonJupyter.Python is null) Skip = "needs python3 with nbclient, jupyter_client and nbformat (apt-get install python3-nbclient python3-jupyter-client)";
    }
}
