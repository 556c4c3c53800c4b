namespace LowRankSparse.Interactive.Notebooks.Export;

/// <summary>Finds src/LowRankSparse/LowRankSparse.csproj, which an exported app references with <c>#:project</c>.</summary>
public static class LibraryProject
{
    private static readonly string RelativePath = Path.Combine("src", "LowRankSparse", "LowRankSparse.csproj");

    /// <summary>Searches upwards from each folder in turn (the notebook's, the current one, this program's).</summary>
    public static string Find(params string[] startFolders)
    {
        foreach (string start in startFolders)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new NotebookInputException($"cannot find {RelativePath} above {string.Join(" or ", startFolders)}; export from inside the repository");
    }

    /// <summary>The repository folder (holds Directory.Build.targets with the TorchSharp GLIBCXX patch).</summary>
    public static string RepositoryOf(string libraryProject) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(libraryProject)!, "..", ".."));
}
