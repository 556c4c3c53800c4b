using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowRankSparse.Interactive.Engine;

/// <summary>Completions at a position, and the span (start, end) of the partial name they replace.</summary>
public sealed record CompletionList(IReadOnlyList<string> Matches, int Start, int End);

/// <summary>
/// Roslyn completions from the session's compilation (so earlier cells' variables and types are known): members after a dot
/// (of a value, type or namespace), otherwise every name in scope; filtered by the partial name before the cursor.
/// </summary>
internal static class Completions
{
    public static CompletionList At(Compilation compilation, string code, int position)
    {
        position = Math.Clamp(position, 0, code.Length);
        int start = position;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        string prefix = code[start..position];
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var symbols = start > 0 && code[start - 1] == '.' ? Members(model, tree, start - 1) : model.LookupSymbols(start);
        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new CompletionList(matches, start, position);
    }

    private static IEnumerable<ISymbol> Members(SemanticModel model, SyntaxTree tree, int dot)
    {
        var node = tree.GetRoot().FindToken(dot).Parent;
        ExpressionSyntax? left = node switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            _ => null,
        };
        if (left is null) return [];
        if (model.GetSymbolInfo(left).Symbol is INamespaceOrTypeSymbol container)
            return model.LookupSymbols(dot + 1, container).Where(s => s.IsStatic || s is INamespaceOrTypeSymbol);
        var type = model.GetTypeInfo(left).Type;
        return type is null ? [] : model.LookupSymbols(dot + 1, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic);
    }
}
