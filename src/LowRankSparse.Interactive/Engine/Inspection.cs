using Microsoft.CodeAnalysis;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// What Shift+Tab shows in Jupyter: the symbol at (or just before) a position, resolved in the session's compilation so earlier
/// cells' variables and types are known: its kind and full signature, the type of a variable, and the documentation summary
/// where the reference carries one. Null when there is no symbol there.
/// </summary>
internal static class Inspection
{
    private static readonly SymbolDisplayFormat Signature = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
                       | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef,
        kindOptions: SymbolDisplayKindOptions.None,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
                          | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut
                          | SymbolDisplayParameterOptions.IncludeExtensionThis,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
                              | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string? At(Compilation compilation, string code, int position)
    {
        position = Math.Clamp(position, 0, code.Length);
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        foreach (int at in new[] { position, position - 1 }.Where(p => p >= 0 && p < Math.Max(1, code.Length)))
        {
            var token = root.FindToken(at);
            for (var node = token.Parent; node is not null && node.Span.Start == token.Span.Start; node = node.Parent)
                if (SymbolOf(model, node) is { } symbol) return Describe(symbol);
            if (token.Parent is { } parent && SymbolOf(model, parent) is { } found) return Describe(found);
        }
        return null;
    }

    private static ISymbol? SymbolOf(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
    }

    private static string Describe(ISymbol symbol)
    {
        var lines = new List<string> { $"{Kind(symbol)}: {symbol.ToDisplayString(Signature)}" };
        var type = symbol switch
        {
            ILocalSymbol l => l.Type, IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, IParameterSymbol p => p.Type, _ => null,
        };
        if (type is not null) lines.Add($"type: {type.ToDisplayString(Signature)}");
        if (symbol.ContainingAssembly is { } assembly && symbol is not INamespaceSymbol && !assembly.Name.StartsWith("ℛ", StringComparison.Ordinal))
            lines.Add($"assembly: {assembly.Name}");
        if (Summary(symbol) is { } summary) lines.AddRange(["", summary]);
        return string.Join("\n", lines);
    }

    private static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } => "constructor",
        IMethodSymbol m when m.IsExtensionMethod || m.ReducedFrom is not null => "extension method",
        IMethodSymbol => "method",
        INamedTypeSymbol t => t.TypeKind.ToString().ToLowerInvariant(),
        IFieldSymbol { ContainingType.IsScriptClass: true } => "variable",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };

    private static string? Summary(ISymbol symbol)
    {
        string? xml = symbol.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            var summary = System.Xml.Linq.XElement.Parse(xml).Element("summary");
            return summary is null ? null : string.Join(" ", summary.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
