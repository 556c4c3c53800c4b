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
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = RedirectedWidth(Environment.GetEnvironmentVariable("COLUMNS"));
        return CliHost.Invoke(BuildRoot(), args);
    }

    /// <summary>
    /// The width tables are laid out at when the output is a file or pipe: $COLUMNS when set (40–1000), else 160 [ours]. Spectre.Console
    /// would take 80 there, and the verdict and bench tables then wrap into cells one or two words wide.
    /// </summary>
    public static int RedirectedWidth(string? columns) =>
        int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out int c) && c is >= 40 and <= 1000 ? c : DefaultRedirectedWidth;

    public const int DefaultRedirectedWidth = 160;

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
        HelpDefaults.RemoveRepeated(root);
        return root;
    }
}
