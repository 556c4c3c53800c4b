using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace LowRankSparse.Interactive.Notebooks;

/// <summary>One injected parameter, as the C# assignment the injected cell holds.</summary>
public sealed partial record NotebookParameter(string Name, string Literal)
{
    public string Assignment => $"{Name} = {Literal};";

    /// <summary><c>--quick</c>: the notebooks' parameter cells declare <c>bool Quick</c>.</summary>
    public static NotebookParameter Quick { get; } = new("Quick", "true");

    /// <summary>Parses <c>name=value</c>; the value becomes a bool, number or string literal.</summary>
    public static NotebookParameter Parse(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new NotebookInputException($"-p '{text}': expected name=value");
        string name = text[..eq].Trim();
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
            throw new NotebookInputException($"-p '{text}': '{name}' is not a C# variable name");
        return new NotebookParameter(name, LiteralOf(text[(eq + 1)..].Trim()));
    }

    /// <summary>true/false → bool, a C# number (e.g. 200, -0.5, 1e-3, 0.1f) → as written, anything else → a string literal.</summary>
    public static string LiteralOf(string value)
    {
        if (value is "true" or "false") return value;
        if (NumberPattern().IsMatch(value)) return value;
        return SymbolDisplay.FormatLiteral(value, quote: true);
    }

    [GeneratedRegex(@"^-?(\d+(\.\d+)?([eE][+-]?\d+)?[fFdDmM]?|\d+[lL]?)$")]
    private static partial Regex NumberPattern();
}
