using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LowRankSparse.Hosting;

namespace LowRankSparse.Interactive.Notebooks;

/// <summary>An nbformat 4 notebook read from disk (the JSON tree is kept, so metadata round-trips).</summary>
public sealed class Notebook
{
    // as nbformat writes them: one space a level, and <, > and & as they are (the default encoder's \u003C escapes bloat chart outputs)
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<NotebookCell> _cells;

    private Notebook(string path, JsonObject root, List<NotebookCell> cells)
    {
        Path = path;
        Root = root;
        _cells = cells;
    }

    public string Path { get; }
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;
    public JsonObject Root { get; }
    public IReadOnlyList<NotebookCell> Cells => _cells;

    /// <summary>Reads and checks a notebook: exists, JSON, nbformat 4, has cells, C# kernel, and (given the host's packages) names
    /// no package the host does not bring. Throws <see cref="NotebookInputException"/>.</summary>
    public static Notebook Load(string path, HostPackages? packages = null)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new NotebookInputException($"{path}: no such file");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(full));
        }
        catch (JsonException e)
        {
            throw new NotebookInputException($"{path}: not valid JSON ({e.Message})");
        }
        if (node is not JsonObject root) throw new NotebookInputException($"{path}: not a notebook (the JSON is not an object)");
        var cells = (root["cells"] as JsonArray)?.OfType<JsonObject>().Select(c => new NotebookCell(c)).ToList() ?? [];
        if (cells.Count == 0) throw new NotebookInputException($"{path}: the notebook has no cells");
        var notebook = new Notebook(full, root, cells);
        NotebookChecks.Check(notebook, path, packages);
        return notebook;
    }

    /// <summary>nbformat 4.5 and later: every cell needs a unique <c>id</c> (Jupyter's validator warns, then refuses; a notebook
    /// server re-signing it would compute another signature, so Jupyter never trusts it).</summary>
    public bool CellsNeedIds => (Root["nbformat"]?.GetValue<int>() ?? 4) > 4 || (Root["nbformat_minor"]?.GetValue<int>() ?? 0) >= 5;

    /// <summary>Inserts <paramref name="cell"/>; in a notebook whose cells carry ids it gets one no other cell has (its first tag, or "cell", numbered if taken).</summary>
    public void InsertCell(int index, NotebookCell cell)
    {
        if (CellsNeedIds && cell.Node["id"] is null)
        {
            var taken = _cells.Select(c => c.Node["id"]?.GetValue<string>()).OfType<string>().ToHashSet();
            string stem = cell.Tags.FirstOrDefault() ?? "cell", id = stem;
            for (int n = 2; taken.Contains(id); n++) id = $"{stem}-{n}";
            cell.Node["id"] = id;
        }
        _cells.Insert(index, cell);
        SyncCells();
    }

    public void RemoveCellsTagged(string tag)
    {
        _cells.RemoveAll(c => c.HasTag(tag));
        SyncCells();
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, Root.ToJsonString(Indented) + "\n");
    }

    /// <summary>Keeps the JSON cell list equal to <see cref="Cells"/> after an insertion or removal.</summary>
    private void SyncCells()
    {
        var array = (JsonArray)Root["cells"]!;
        array.Clear();  // detaches every cell node, so each can be added again
        foreach (var cell in _cells) array.Add(cell.Node);
    }
}
