using System.CommandLine;
using LowRankSparse.Cli.Commands;

namespace LowRankSparse.Cli;

/// <summary>The subcommands beyond <c>train</c>; each lives in its own file under Commands/.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Extra()
    {
        yield return NotebooksCommand.Create();
        yield return KernelCommand.Create();
        yield return BenchCommand.Create();
        yield return CompareCommand.Create();
        yield return PhaseCommand.Create();
        yield return RealDataCommand.Create();
        yield return FiguresCommand.Create();
    }
}
