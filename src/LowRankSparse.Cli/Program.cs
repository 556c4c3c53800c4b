using System.CommandLine;
using System.Globalization;
using LowRankSparse.Cli;
using LowRankSparse.Cli.Commands;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand(
    "LowRankSparse: reproduce 'Learning on Transformers is Provable Low-Rank and Sparse' (arXiv 2406.17167) on synthetic data.")
{
    CommonOptions.Verbose,
};
root.Subcommands.Add(ReproduceCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
foreach (var extra in CommandRegistry.Extra()) root.Subcommands.Add(extra);

return CliHost.Invoke(root, args);
