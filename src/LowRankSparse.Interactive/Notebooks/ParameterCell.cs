using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowRankSparse.Interactive.Notebooks;

/// <summary>The parameters a notebook declares: the top-level variables of its cell tagged <c>parameters</c> (papermill's convention).</summary>
public static class ParameterCell
{
    /// <summary>The declared names in order, or null when the notebook has no parameters cell.</summary>
    public static IReadOnlyList<string>? DeclaredNames(Notebook notebook)
    {
        var cell = notebook.Cells.FirstOrDefault(c => c.IsCode && c.HasTag(ParameterInjection.ParametersTag));
        if (cell is null) return null;
        var root = CSharpSyntaxTree.ParseText(cell.Source, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        return root.DescendantNodes(n => n is not (BlockSyntax or LambdaExpressionSyntax or AnonymousFunctionExpressionSyntax))
            .OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Parent?.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax)
            .Select(v => v.Identifier.ValueText)
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Bad input before any cell runs: a parameter that none of <paramref name="notebooks"/> declares (a typo such as
    /// <c>Seedz</c> would otherwise become a compile error in the injected cell).
    /// </summary>
    public static void CheckKnown(IReadOnlyList<Notebook> notebooks, IReadOnlyList<NotebookParameter> parameters)
    {
        var known = notebooks.SelectMany(n => DeclaredNames(n) ?? []).Distinct().ToList();
        if (notebooks.All(n => DeclaredNames(n) is null)) return;   // nothing is injected anywhere (reported per notebook)
        foreach (var p in parameters)
            if (!known.Contains(p.Name))
                throw new NotebookInputException(
                    $"-p {p.Name} = {p.Literal}: no notebook declares a parameter '{p.Name}'; known parameters: {string.Join(", ", known)}");
    }
}
