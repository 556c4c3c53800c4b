using System.CommandLine;
using LowRankSparse.Cli;
using LowRankSparse.Cli.Commands;

var root = new RootCommand(
    "LowRankSparse: reproduce 'Learning on Transformers is Provable Low-Rank and Sparse' (arXiv 2406.17167) on synthetic data.")
{
    CommonOptions.Verbose,
};
root.Subcommands.Add(TrainCommand.Create());
foreach (var extra in CommandRegistry.Extra()) root.Subcommands.Add(extra);

return CliHost.Invoke(root, args);
