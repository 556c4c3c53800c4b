using System.CommandLine;
using System.Globalization;

namespace LowRankSparse.Cli;

/// <summary>
/// `--help` prints an option's default after its description ("[default: out]"); descriptions written as "… Default: out" then showed it
/// twice ("Output folder. Default: out [default: out]"). This drops a trailing "Default: VALUE" (or "Default: VALUE.") from the description
/// of every option whose default is exactly VALUE; a description that says more about its default ("Default: 4 (L = 49, d = 16).") keeps it.
/// </summary>
internal static class HelpDefaults
{
    public static void RemoveRepeated(Command command)
    {
        foreach (var option in command.Options)
        {
            if (!option.HasDefaultValue || option.Description is not { } text) continue;
            string? value = Convert.ToString(option.GetDefaultValue(), CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(value)) continue;
            foreach (string suffix in new[] { $" Default: {value}", $" Default: {value}." })
                if (text.EndsWith(suffix, StringComparison.Ordinal))
                {
                    option.Description = text[..^suffix.Length].TrimEnd();
                    break;
                }
        }
        foreach (var sub in command.Subcommands) RemoveRepeated(sub);
    }
}
