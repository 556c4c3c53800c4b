namespace LowRankSparse.Interactive.Notebooks;

/// <summary>
/// Papermill's convention: the parameters go into a new code cell tagged <c>injected-parameters</c> placed right after the cell
/// tagged <c>parameters</c> (whose defaults it overrides); a previous injected cell is replaced.
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
        string source = "// Parameters injected by `notebooks run`\n" + string.Join("\n", parameters.Select(p => p.Assignment));
        notebook.InsertCell(index + 1, NotebookCell.NewCode(source, InjectedTag));
        return true;
    }
}
