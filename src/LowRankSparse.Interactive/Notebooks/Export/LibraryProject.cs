namespace LowRankSparse.Interactive.Notebooks.Export;

/// <summary>Finds the host's project (<see cref="Hosting.AppExport.Project"/>), which an exported app references with <c>#:project</c>.</summary>
public static class LibraryProject
{
    /// <summary>Searches upwards from each folder in turn (the notebook's, the current one, this program's).</summary>
    /// <param name="relativePath">The project's path relative to the repository root, e.g. <c>src/Lib/Lib.csproj</c>.</param>
    public static string Find(string relativePath, params string[] startFolders)
    {
        string path = relativePath.Replace('/', Path.DirectorySeparatorChar);
        foreach (string start in startFolders)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, path);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new NotebookInputException($"cannot find {path} above {string.Join(" or ", startFolders)}; export from inside the repository");
    }

    /// <summary>The repository folder (holds Directory.Build.targets with the TorchSharp GLIBCXX patch).</summary>
    public static string RepositoryOf(string libraryProject, string relativePath)
    {
        string repository = Path.GetFullPath(libraryProject);
        foreach (string _ in relativePath.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries)) repository = Path.GetDirectoryName(repository)!;
        return repository;
    }
}
