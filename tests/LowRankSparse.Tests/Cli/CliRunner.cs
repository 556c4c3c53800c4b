using LowRankSparse.Cli;

namespace LowRankSparse.Tests.Cli;

/// <summary>Runs the command-line app in-process, capturing its exit code and what it printed.</summary>
public static class CliRunner
{
    private static readonly object Gate = new();

    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr, oldDir) = (Console.Out, Console.Error, Environment.CurrentDirectory);
            using var o = new StringWriter();
            using var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            Environment.CurrentDirectory = TestPaths.RepoRoot;   // default config paths are relative to the repository root
            try
            {
                int code = Entry.Run(args);
                return new Result(code, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
                Environment.CurrentDirectory = oldDir;
            }
        }
    }
}
