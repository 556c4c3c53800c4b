using System.CommandLine;

namespace LowRankSparse.Cli;

/// <summary>Options shared by several commands (one definition each).</summary>
internal static class CommonOptions
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Print the full exception (stack trace) when something fails.",
        Recursive = true,
    };

    public static Option<string> Config(string? defaultPath = "data/configs/theory.json") => new("--config", "-c")
    {
        Description = "Experiment config (JSON, snake_case sections data/model/training)." +
                      (defaultPath is null ? "" : $" Default: {defaultPath}"),
        DefaultValueFactory = _ => defaultPath!,
    };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override one config value: section.key=value (repeatable), e.g. --set training.steps=200 --set data.noise=0.1",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string> Out(string defaultDir) => new("--out", "-o")
    {
        Description = $"Output folder. Default: {defaultDir}",
        DefaultValueFactory = _ => defaultDir,
    };

    public static Option<bool> Force() => new("--force")
    {
        Description = "Write into an output folder that already holds files.",
    };
}
