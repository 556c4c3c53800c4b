using System.CommandLine;
using System.Globalization;
using LowRankSparse.Cli.Commands;
using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>The command-line app as a callable: <see cref="Run"/> parses, runs and returns the exit code (tests call it in-process).</summary>
public static class Entry
{
    public static int Run(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        // bind Spectre.Console to the current Console.Out (it caches the writer on first use; in-process callers redirect it)
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        return CliHost.Invoke(BuildRoot(), args);
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "LowRankSparse: reproduce 'Learning on Transformers is Provable Low-Rank and Sparse' (arXiv 2406.17167) on synthetic data.")
        {
            CommonOptions.Verbose,
        };
        root.Subcommands.Add(ReproduceCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        foreach (var extra in CommandRegistry.Extra()) root.Subcommands.Add(extra);
        return root;
    }
}
