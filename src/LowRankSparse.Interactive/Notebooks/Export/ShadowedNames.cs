using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowRankSparse.Interactive.Notebooks.Export;

/// <summary>
/// A notebook cell may reuse an earlier cell's variable name for a loop variable or a lambda parameter
/// (<c>var run = …</c> in one cell, <c>foreach (var run in runs)</c> in a later one): each script submission is its own scope.
/// In one file-based app both live in one scope (error CS0136), so the inner name gets a suffix within its own statement.
/// </summary>
internal static class ShadowedNames
{
    /// <summary>The top-level variables a cell declares (visible to the cells after it).</summary>
    /// <remarks>In a script, a top-level <c>var x = …;</c> parses as a field declaration.</remarks>
    public static IEnumerable<string> DeclaredBy(CompilationUnitSyntax cell) =>
        cell.Members.OfType<FieldDeclarationSyntax>().Select(f => f.Declaration)
            .Concat(cell.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).OfType<LocalDeclarationStatementSyntax>().Select(d => d.Declaration))
            .SelectMany(d => d.Variables).Select(v => v.Identifier.ValueText);

    /// <summary><paramref name="cell"/> with every loop variable or lambda parameter named like an outer variable renamed.</summary>
    public static CompilationUnitSyntax Rename(CompilationUnitSyntax cell, IReadOnlySet<string> outer)
    {
        while (Next(cell, outer) is { } found)
        {
            var (scope, name) = found;
            string fresh = Fresh(name, cell, outer);
            var renamed = scope.ReplaceTokens(
                scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name),
                (token, _) => SyntaxFactory.Identifier(token.LeadingTrivia, fresh, token.TrailingTrivia));
            cell = cell.ReplaceNode(scope, renamed);
        }
        return cell;
    }

    private static (SyntaxNode Scope, string Name)? Next(CompilationUnitSyntax cell, IReadOnlySet<string> outer)
    {
        foreach (var node in cell.DescendantNodes())
        {
            if (node is ForEachStatementSyntax loop && outer.Contains(loop.Identifier.ValueText)) return (loop, loop.Identifier.ValueText);
            if (node is SimpleLambdaExpressionSyntax simple && outer.Contains(simple.Parameter.Identifier.ValueText))
                return (simple, simple.Parameter.Identifier.ValueText);
            if (node is ParenthesizedLambdaExpressionSyntax lambda && lambda.ParameterList.Parameters.FirstOrDefault(p => outer.Contains(p.Identifier.ValueText)) is { } p)
                return (lambda, p.Identifier.ValueText);
        }
        return null;
    }

    private static string Fresh(string name, SyntaxNode cell, IReadOnlySet<string> outer)
    {
        var used = cell.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).Concat(outer).ToHashSet();
        for (int i = 2; ; i++)
            if (!used.Contains($"{name}{i}")) return $"{name}{i}";
    }
}
