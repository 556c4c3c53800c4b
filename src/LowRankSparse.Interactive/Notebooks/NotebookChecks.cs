using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Notebooks;

/// <summary>What makes a notebook unrunnable before any cell runs: another nbformat, another kernel language, a cell in another
/// language, a directive the engine cannot honour (e.g. an unknown <c>#r "nuget: …"</c> package).</summary>
internal static class NotebookChecks
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "C#", "csharp", "c-sharp", ".net-csharp" };

    public static void Check(Notebook notebook, string shownPath, HostPackages? packages)
    {
        int? format = notebook.Root["nbformat"]?.GetValue<int?>();
        if (format is not null and not 4) throw new NotebookInputException($"{shownPath}: nbformat {format} is not supported (expected 4)");
        CheckKernel(notebook, shownPath);
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode) continue;
            if (cell.PolyglotLanguage is { } language && !CSharpNames.Contains(language))
                throw new NotebookInputException($"{shownPath}: cell {i + 1} is a '{language}' cell; only C# cells can run here");
            try
            {
                var directives = CellDirectives.Parse(cell.Source).Directives;
                packages?.Check(directives);
            }
            catch (DirectiveException e)
            {
                throw new NotebookInputException($"{shownPath}: cell {i + 1}: {e.Message}");
            }
        }
    }

    private static void CheckKernel(Notebook notebook, string shownPath)
    {
        var metadata = notebook.Root["metadata"];
        string? language = metadata?["kernelspec"]?["language"]?.GetValue<string>() ?? metadata?["language_info"]?["name"]?.GetValue<string>();
        string? kernel = metadata?["kernelspec"]?["name"]?.GetValue<string>();
        if (language is null || CSharpNames.Contains(language)) return;
        throw new NotebookInputException(
            $"{shownPath}: unknown kernel '{kernel ?? "?"}' (language '{language}'): this runner executes C# notebooks only");
    }
}
