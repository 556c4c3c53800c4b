using System.CommandLine;
using LowRankSparse.Interactive.Kernel;
using LowRankSparse.Interactive.Notebooks;

namespace LowRankSparse.Cli.Commands;

/// <summary>
/// Runs a command's action with CliHost's exit codes: System.CommandLine's default exception handler would otherwise catch
/// everything first (exit 1 and a stack trace). A bad notebook, connection file or argument is a usage error (exit 2).
/// </summary>
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
            return CliHost.Report(new UsageException(e.Message), parse.GetValue(CommonOptions.Verbose));
        }
        catch (Exception e)
        {
            return CliHost.Report(e, parse.GetValue(CommonOptions.Verbose));
        }
    });
}
