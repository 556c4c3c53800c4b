namespace LowRankSparse.Cli;

/// <summary>
/// Checks an output folder before any work: creatable, writable, and not holding other files unless --force. Subfolders are
/// not in the way (the commands write files and their own subfolders only): `reproduce` into `out/` next to `out/notebooks`,
/// `out/quick` or `out/train` from the other commands needs no --force.
/// </summary>
internal static class OutputFolder
{
    /// <param name="ownFiles">File names this command writes itself (an earlier run's outputs); those never need --force.</param>
    public static string Prepare(string path, bool force, params string[] ownFiles)
    {
        string full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new UsageException($"--out '{path}' is a file; expected a folder");
        if (Directory.Exists(full) && !force)
        {
            var foreign = Directory.EnumerateFiles(full)
                .Select(Path.GetFileName)
                .Where(n => !ownFiles.Contains(n) && !n!.StartsWith('.'))
                .Take(3).ToList();
            if (foreign.Count > 0)
                throw new UsageException($"--out '{path}' already holds other files ({string.Join(", ", foreign)}…); choose an empty folder or pass --force");
        }
        try
        {
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out '{path}' is not writable: {e.Message}");
        }
        return full;
    }
}
