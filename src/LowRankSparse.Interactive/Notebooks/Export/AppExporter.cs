using System.Text;
using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Engine;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace LowRankSparse.Interactive.Notebooks.Export;

/// <summary>An exported app, and a warning when it will not run as is.</summary>
public sealed record ExportedApp(string Path, string? Warning);

/// <summary>
/// <c>notebooks export --to app</c>: a notebook as a C# file-based app (<c>dotnet run NAME.cs</c>). Packages named by
/// <c>#r "nuget: …"</c> become <c>#:package</c> lines, the host's project (<see cref="AppExport.Project"/>) a <c>#:project</c> line; markdown cells become comments; the
/// parameters cell stays (edit it to change the run); a cell's trailing value and <c>display(x)</c> go through a helper at the end.
/// </summary>
public static class AppExporter
{
    /// <summary>The notebooks' setup cell that finds or builds the library before the <c>#r</c> cell: an app leaves it as a comment.</summary>
    public const string FindOrBuildLibraryTag = "find-or-build-library";

    public static ExportedApp Export(Notebook notebook, HostPackages host, string outDir)
    {
        var app = AppOf(host);
        string library = LibraryProject.Find(app.Project, notebook.Folder, Environment.CurrentDirectory, AppContext.BaseDirectory);
        string path = Path.Combine(Path.GetFullPath(outDir), notebook.Name + ".cs");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(path, Source(notebook, host, Path.GetRelativePath(Path.GetDirectoryName(path)!, library)));
        string repository = LibraryProject.RepositoryOf(library, app.Project);
        string? warning = path.StartsWith(repository + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? null
            : $"{path} is outside the repository {repository}: its Directory.Build.targets (the TorchSharp GLIBCXX patch) will not apply, so TorchSharp may fail to load when the app runs";
        return new ExportedApp(path, warning);
    }

    public static string Source(Notebook notebook, HostPackages host, string libraryProjectPath)
    {
        var export = AppOf(host);
        var cells = Split(notebook, host);
        var text = new StringBuilder();
        foreach (string package in Packages(notebook, host)) text.Append($"#:package {package}@{host.VersionOf(package)}\n");
        text.Append($"#:project {libraryProjectPath.Replace('\\', '/')}\n");
        // File-based apps default to trimming-safe JSON (no reflection); the library's config loader and results writer use reflection.
        text.Append("#:property JsonSerializerIsReflectionEnabledByDefault=true\n\n");
        text.Append($"// {notebook.Name}.cs: exported from {Path.GetFileName(notebook.Path)} by `notebooks export --to app`. Run: dotnet run {notebook.Name}.cs\n");
        foreach (string import in ScriptDefaults.Imports(host).Select(i => $"using {i};").Concat(cells.SelectMany(c => c.App?.Usings ?? [])).Distinct())
            text.Append(import.EndsWith(';') ? import : import + ";").Append('\n');
        text.Append('\n').Append(DisplayHelper.FailureHandler(notebook.Name, export)).Append('\n');
        foreach (var (cell, app, number) in cells)
        {
            text.Append('\n');
            if (app is null) text.Append(Comment(cell.Source));
            else text.Append($"// ---- cell {number}{(cell.HasTag(ParameterInjection.ParametersTag) ? " (parameters)" : "")}\n").Append(app.Statements).Append('\n');
        }
        text.Append("\n// ---- the notebook's display(x)\n").Append(DisplayHelper.LocalFunction).Append('\n');
        foreach (string type in cells.SelectMany(c => c.App?.Types ?? [])) text.Append('\n').Append(type).Append('\n');
        text.Append('\n').Append(DisplayHelper.Class(notebook.Name, export)).Append('\n');
        return text.ToString();
    }

    /// <summary>Each cell with its split code (null for markdown), and its 1-based number.</summary>
    private static List<(NotebookCell Cell, AppCell? App, int Number)> Split(Notebook notebook, HostPackages host)
    {
        var split = new List<(NotebookCell, AppCell?, int)>();
        Script<object>? script = null;
        var options = ScriptSession.OptionsFor(host);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode || cell.HasTag(FindOrBuildLibraryTag))   // the app's #:project line builds the library
            {
                split.Add((cell, null, i + 1));
                continue;
            }
            string code = CellDirectives.Parse(cell.Source).Code;
            // Compile (never run) the cells as one script session: the engine's own rule tells which trailing values are shown.
            script = script is null ? CSharpScript.Create(code, options, typeof(NotebookGlobals)) : script.ContinueWith(code, options);
            split.Add((cell, AppCell.From(code, ScriptSession.EndsWithValue(script.GetCompilation()), declared), i + 1));
        }
        return split;
    }

    /// <summary>The packages the notebook's <c>#r "nuget: …"</c> lines name, as the host references them.</summary>
    private static IEnumerable<string> Packages(Notebook notebook, HostPackages host) =>
        notebook.Cells.Where(c => c.IsCode)
            .SelectMany(c => CellDirectives.Parse(c.Source).Directives.OfType<NugetDirective>())
            .SelectMany(d => (host.Find(d.Package) ?? throw new NotebookInputException(host.UnknownMessage(d.Package))).ExportAs)
            .Distinct();

    private static AppExport AppOf(HostPackages host) =>
        host.App ?? throw new NotebookInputException("this notebook host cannot export apps (it names no project for them)");

    private static string Comment(string markdown) =>
        string.Concat(markdown.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? "//\n" : $"// {l}\n"));
}
