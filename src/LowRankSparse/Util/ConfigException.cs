namespace LowRankSparse.Util;

/// <summary>
/// Bad user input (a config file, an override, an option): names the field at fault, the value given and what is allowed.
/// Command-line front ends print <see cref="Exception.Message"/> and exit with code 2; no stack trace.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message) : base(message) { }

    public ConfigException(string field, object? value, string allowed)
        : base($"{field} = {Format(value)}: {allowed}") { Field = field; }

    public string? Field { get; }

    internal static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };
}
