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

    /// <summary>
    /// <c>--config</c>: a JSON file, or the bare name of a shipped config, found like every other name (<see cref="Config.ConfigFiles"/>:
    /// data/configs/NAME.json above the working folder or above the program's, else the copy in the library). The default is the name
    /// "default", not the path data/configs/theory.json: a path is read relative to the working folder only, so the default failed from
    /// any folder but the repository's root.
    /// </summary>
    public static Option<string> Config(string? defaultName = "default") => new("--config", "-c")
    {
        Description = "Experiment config: a JSON file (snake_case sections data/model/training) or the name of a shipped one " +
                      "(data/configs/NAME.json, looked for above the working folder and above the program's: theory, easy, quick, large, …; " +
                      "\"default\" is theory.json).",
        DefaultValueFactory = _ => defaultName!,
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
