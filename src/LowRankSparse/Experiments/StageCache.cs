using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LowRankSparse.Util;

namespace LowRankSparse.Experiments;

/// <summary>
/// Completed stages of a reproduction, saved as JSON in a folder (written atomically) so that <c>--resume</c> skips them.
/// A saved stage is used only if it was produced by identical options (same fingerprint); otherwise it is recomputed.
/// </summary>
public sealed class StageCache
{
    private readonly string? _folder;
    private readonly bool _resume;
    private readonly string _fingerprint;

    public StageCache(string? folder, bool resume, string fingerprint)
    {
        _folder = folder;
        _resume = resume;
        _fingerprint = fingerprint;
    }

    public static StageCache None { get; } = new(null, false, "");

    /// <summary>Of the options and of this library build (its module version id changes with every code change, so a stage saved
    /// by another version of the code is never reused).</summary>
    public static string Fingerprint(ReproduceOptions options) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            Json.Serialize(options) + typeof(StageCache).Assembly.ManifestModule.ModuleVersionId.ToString())))[..16];

    public bool TryLoad<T>(string stage, out T value)
    {
        value = default!;
        if (_folder is null || !_resume) return false;
        string path = PathOf(stage);
        if (!File.Exists(path)) return false;
        try
        {
            var entry = JsonSerializer.Deserialize<Entry<T>>(File.ReadAllText(path), Json.Options);
            if (entry is null || entry.Fingerprint != _fingerprint) return false;
            value = entry.Value;
            return true;
        }
        catch (JsonException)
        {
            return false;   // unreadable or from another version: recompute
        }
    }

    public void Save<T>(string stage, T value)
    {
        if (_folder is null) return;
        Json.WriteAtomically(PathOf(stage), JsonSerializer.Serialize(new Entry<T>(_fingerprint, value), Json.Options));
    }

    private string PathOf(string stage) => Path.Combine(_folder!, stage.Replace(' ', '_') + ".json");

    private sealed record Entry<T>(string Fingerprint, T Value);
}
