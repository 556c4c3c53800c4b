namespace LowRankSparse.Interactive.Notebooks;

/// <summary>The notebooks named on a command line: files as given, folders as their *.ipynb files in name order.</summary>
public static class NotebookFiles
{
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new NotebookInputException($"{path}: the folder holds no .ipynb notebooks");
                files.AddRange(found);
            }
            else if (File.Exists(path)) files.Add(path);
            else throw new NotebookInputException($"{path}: no such file or folder");
        }
        if (files.Count == 0) throw new NotebookInputException("no notebooks given");
        var duplicate = files.GroupBy(f => Path.GetFileNameWithoutExtension(f)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new NotebookInputException($"two notebooks named '{duplicate.Key}' would write the same output files: {string.Join(", ", duplicate)}");
        return files;
    }
}
