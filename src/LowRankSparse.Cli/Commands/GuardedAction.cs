using System.CommandLine;
using LowRankSparse.Interactive.Kernel;
using LowRankSparse.Interactive.Notebooks;

namespace LowRankSparse.Cli.Commands;

/// <summary>Sets a command's action so that a bad notebook, connection file or kernelspec name is a usage error (exit code 2, via CliHost).</summary>
internal static class GuardedAction
{
    public static void Set(Command command, Func<ParseResult, int> action) => command.SetAction(parse =>
    {
        try
        {
            return action(parse);
        }
        catch (Exception e) when (e is NotebookInputException or KernelConfigException)
        {
            throw new UsageException(e.Message);
        }
    });
}
