using System.CommandLine;

namespace LowRankSparse.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create() => new("train", "Train one model (being written).");
}
