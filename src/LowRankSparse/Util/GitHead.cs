namespace LowRankSparse.Util;

/// <summary>
/// The commit checked out in the repository around a folder, read from <c>.git</c> itself (no git on PATH needed): HEAD, the
/// branch's loose ref or packed-refs; worktrees (<c>.git</c> a file naming the gitdir, refs in its commondir) included.
/// Null outside a repository or when anything is unreadable.
/// </summary>
public static class GitHead
{
    public static string? Commit(string startFolder)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(startFolder)); dir is not null; dir = dir.Parent)
            {
                string dotGit = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(dotGit)) return FromGitDir(dotGit);
                if (File.Exists(dotGit))
                {
                    string line = File.ReadAllText(dotGit).Trim();
                    if (!line.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
                    string gitDir = line["gitdir:".Length..].Trim();
                    return FromGitDir(Path.IsPathRooted(gitDir) ? gitDir : Path.Combine(dir.FullName, gitDir));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }
        return null;
    }

    private static string? FromGitDir(string gitDir)
    {
        string head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal)) return IsHash(head) ? head : null;   // detached HEAD
        string name = head["ref:".Length..].Trim();
        string commonFile = Path.Combine(gitDir, "commondir");
        string common = File.Exists(commonFile) ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim())) : gitDir;
        foreach (string root in new[] { gitDir, common })
        {
            string loose = Path.Combine(root, name);
            if (File.Exists(loose)) return Hash(File.ReadAllText(loose).Trim());
        }
        string packed = Path.Combine(common, "packed-refs");
        if (!File.Exists(packed)) return null;
        foreach (string line in File.ReadLines(packed))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && parts[1].Trim() == name) return Hash(parts[0]);
        }
        return null;
    }

    private static string? Hash(string s) => IsHash(s) ? s : null;

    private static bool IsHash(string s) => s.Length is 40 or 64 && s.All(Uri.IsHexDigit);
}
