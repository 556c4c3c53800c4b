namespace LowRankSparse.Interactive.Notebooks;

/// <summary>
/// Papermill's convention: the parameters go into a new code cell tagged <c>injected-parameters</c> placed right after the cell
/// tagged <c>parameters</c> (whose defaults it overrides); a previous injected cell is replaced. Only the parameters that cell declares
/// are injected (<see cref="ParameterCell"/>; a name no notebook declares is refused before any run).
/// </summary>
public static class ParameterInjection
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>Injects <paramref name="parameters"/>; false (nothing injected) when the notebook has no parameters cell.</summary>
    public static bool Inject(Notebook notebook, IReadOnlyList<NotebookParameter> parameters)
    {
        if (parameters.Count == 0) return true;
        notebook.RemoveCellsTagged(InjectedTag);
        int index = notebook.Cells.ToList().FindIndex(c => c.IsCode && c.HasTag(ParametersTag));
        if (index < 0) return false;
        var declared = ParameterCell.DeclaredNames(notebook) ?? [];
        var own = parameters.Where(p => declared.Contains(p.Name)).ToList();   // each notebook gets the parameters it declares
        if (own.Count == 0) return true;
        string source = "// Parameters injected by `notebooks run`\n" + string.Join("\n", own.Select(p => p.Assignment));
        notebook.InsertCell(index + 1, NotebookCell.NewCode(source, InjectedTag));
        return true;
    }
}
