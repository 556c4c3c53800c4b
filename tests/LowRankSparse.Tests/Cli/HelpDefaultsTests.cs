using System.CommandLine;
using System.Globalization;
using LowRankSparse.Cli;

namespace LowRankSparse.Tests.Cli;

/// <summary>`--help` shows each option's default once: System.CommandLine appends "[default: X]", so no description may end with "Default: X" too.</summary>
public class HelpDefaultsTests
{
    private static IEnumerable<Option> AllOptions(Command c) => c.Options.Concat(c.Subcommands.SelectMany(AllOptions));

    [Fact]
    public void No_option_of_the_cli_repeats_its_default_in_its_description()
    {
        var repeated = AllOptions(Entry.BuildRoot())
            .Where(o => o.HasDefaultValue && o.Description is not null)
            .Select(o => (o.Name, o.Description!, Value: Convert.ToString(o.GetDefaultValue(), CultureInfo.InvariantCulture)))
            .Where(o => !string.IsNullOrEmpty(o.Value) && (o.Item2.EndsWith($"Default: {o.Value}", StringComparison.Ordinal) || o.Item2.EndsWith($"Default: {o.Value}.", StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(repeated);
        var help = CliRunner.Run("train", "--help");
        Assert.Contains("Output folder. [default: out/train]", help.Out);
    }

    [Fact]
    public void A_repeated_default_is_dropped_and_a_default_with_more_to_say_is_kept()
    {
        var bare = new Option<int>("--seeds") { Description = "Seeds per cell. Default: 3", DefaultValueFactory = _ => 3 };
        var dotted = new Option<string>("--out") { Description = "Output folder. Default: out.", DefaultValueFactory = _ => "out" };
        var more = new Option<int>("--patch") { Description = "Patch side. Default: 4 (L = 49, d = 16).", DefaultValueFactory = _ => 4 };
        var none = new Option<string?>("--from") { Description = "Where from. Default: out" };   // no default value: nothing to repeat
        var command = new Command("x") { bare, dotted, more, none };
        HelpDefaults.RemoveRepeated(command);
        Assert.Equal("Seeds per cell.", bare.Description);
        Assert.Equal("Output folder.", dotted.Description);
        Assert.Equal("Patch side. Default: 4 (L = 49, d = 16).", more.Description);
        Assert.Equal("Where from. Default: out", none.Description);
    }
}
