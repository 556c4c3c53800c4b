using System.Text;
using System.Text.RegularExpressions;

namespace LowRankSparse.Interactive.Engine;

public abstract record CellDirective(int Line);

/// <summary><c>#r "nuget: Name, Version"</c>: satisfied only by a package the host brings (checked by <see cref="KnownPackages.Check"/>).</summary>
public sealed record NugetDirective(int Line, string Package, string? Version) : CellDirective(Line);

/// <summary><c>#r "path/to/X.dll"</c>, relative to the notebook's folder.</summary>
public sealed record ReferenceDirective(int Line, string Path) : CellDirective(Line);

/// <summary>A cell whose directive lines were blanked (so line numbers and offsets stay those of the notebook cell).</summary>
public sealed record ParsedCell(string Code, IReadOnlyList<CellDirective> Directives);

/// <summary>A directive the engine cannot honour; <see cref="Line"/> is 1-based within the cell.</summary>
public sealed class DirectiveException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// Finds the notebook directives in a cell before it is compiled: <c>#r</c> (nuget or path), <c>#i</c> (package sources: ignored)
/// and Polyglot magics such as <c>#!csharp</c> or <c>#!about</c> (stripped; a magic that switches to another language is an error).
/// </summary>
public static partial class CellDirectives
{
    private static readonly HashSet<string> OtherLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid", "python", "markdown", "md", "http",
    };

    public static ParsedCell Parse(string source)
    {
        var code = new StringBuilder(source.Length);
        var directives = new List<CellDirective>();
        int lineNumber = 0;
        foreach (string line in SplitKeepingNewlines(source))
        {
            lineNumber++;
            string text = line.TrimEnd('\r', '\n');
            CellDirective? directive = null;
            if (!IsDirective(text.TrimStart(), lineNumber, ref directive))
            {
                code.Append(line);
                continue;
            }
            if (directive is not null) directives.Add(directive);
            // spaces instead of the directive, and the newline kept: line numbers and offsets do not move
            code.Append(' ', text.Length).Append(line, text.Length, line.Length - text.Length);
        }
        return new ParsedCell(code.ToString(), directives);
    }

    private static bool IsDirective(string text, int line, ref CellDirective? directive)
    {
        if (text.StartsWith("#!", StringComparison.Ordinal))
        {
            string name = text[2..].Split(' ', 2)[0];
            if (OtherLanguages.Contains(name))
                throw new DirectiveException(line, $"line {line}: '#!{name}' switches to another language; this engine runs C# only");
            return true;
        }
        if (text.StartsWith("#i ", StringComparison.Ordinal) || text.StartsWith("#i\"", StringComparison.Ordinal)) return true;
        if (!text.StartsWith("#r ", StringComparison.Ordinal) && !text.StartsWith("#r\"", StringComparison.Ordinal)) return false;
        var match = ReferencePattern().Match(text);
        if (!match.Success) throw new DirectiveException(line, $"line {line}: expected #r \"nuget: Name, Version\" or #r \"path/to/file.dll\", got: {text}");
        string value = match.Groups[1].Value.Trim();
        directive = value.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase) ? Nuget(line, value[6..]) : new ReferenceDirective(line, value);
        return true;
    }

    private static NugetDirective Nuget(int line, string spec)
    {
        var parts = spec.Split(',', 2, StringSplitOptions.TrimEntries);
        string name = parts[0];
        if (name.Length == 0) throw new DirectiveException(line, $"line {line}: #r \"nuget:\" names no package");
        return new NugetDirective(line, name, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    private static IEnumerable<string> SplitKeepingNewlines(string source)
    {
        int start = 0;
        while (start < source.Length)
        {
            int end = source.IndexOf('\n', start);
            end = end < 0 ? source.Length : end + 1;
            yield return source[start..end];
            start = end;
        }
    }

    [GeneratedRegex("""^#r\s*"([^"]*)"\s*(//.*)?$""")]
    private static partial Regex ReferencePattern();
}
