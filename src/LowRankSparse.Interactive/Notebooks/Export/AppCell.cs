using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowRankSparse.Interactive.Notebooks.Export;

/// <summary>
/// One code cell split for a file-based app: its usings (which must move to the top of the file), its statements (in place;
/// a trailing value becomes <c>display(value);</c>) and its type declarations (which must come after all top-level statements).
/// </summary>
internal sealed record AppCell(IReadOnlyList<string> Usings, string Statements, IReadOnlyList<string> Types)
{
    /// <param name="code">The cell with its directives blanked.</param>
    /// <param name="endsWithValue">The cell's last expression is shown (see ScriptSession.EndsWithValue).</param>
    /// <param name="outer">The top-level variables of the cells before; this cell's are added (see <see cref="ShadowedNames"/>).</param>
    public static AppCell From(string code, bool endsWithValue, HashSet<string> outer)
    {
        var parsed = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, Engine.ScriptSession.ParseOptions).GetRoot();
        var root = ShadowedNames.Rename(parsed, outer);
        outer.UnionWith(ShadowedNames.DeclaredBy(root));
        var usings = root.Usings.Select(u => u.WithoutTrivia().ToString()).ToList();
        var types = new List<string>();
        var statements = new List<string>();
        for (int i = 0; i < root.Members.Count; i++)
        {
            var member = root.Members[i];
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax)
                types.Add(member.ToFullString().Trim('\n', '\r'));
            else if (endsWithValue && i == root.Members.Count - 1 && member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax last })
                statements.Add(member.GetLeadingTrivia().ToFullString() + $"display({last.Expression.WithoutTrivia()});");
            else
                statements.Add(member.ToFullString());
        }
        return new AppCell(usings, string.Concat(statements).Trim('\n', '\r'), types);
    }
}
