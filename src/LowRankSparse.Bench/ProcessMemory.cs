namespace LowRankSparse.Benchmarks;

/// <summary>Resident memory of this process (Linux /proc/self/status; falls back to .NET's working set elsewhere), in MiB.</summary>
public static class ProcessMemory
{
    /// <summary>Current resident set size (VmRSS).</summary>
    public static double RssMiB() => Read("VmRSS:") ?? Environment.WorkingSet / 1048576.0;

    /// <summary>Peak resident set size since the process started (VmHWM).</summary>
    public static double PeakRssMiB() => Read("VmHWM:") ?? System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

    /// <summary>Resets the peak (VmHWM) to the current resident size (Linux ≥ 4.0: "5" into /proc/self/clear_refs); false where that is not possible.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static double? Read(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        string? line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        if (line is null) return null;
        string kb = line[key.Length..].Trim().Split(' ')[0];   // "123456 kB"
        return long.TryParse(kb, out long v) ? v / 1024.0 : null;
    }
}
