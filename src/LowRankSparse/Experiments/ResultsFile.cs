using System.Text.Json;
using LowRankSparse.Config;
using LowRankSparse.Util;

namespace LowRankSparse.Experiments;

/// <summary>
/// A finished reproduction read back from its results.json, whole: what <c>figures</c> draws static figures from without
/// retraining. A missing file, one that is not a reproduction's, or one written by a version with other fields is bad input
/// (<see cref="ConfigException"/>) naming the path and what to do.
/// </summary>
public static class ResultsFile
{
    /// <summary>Reads FOLDER/results.json or the file itself.</summary>
    public static ReproduceResults Read(string pathOrFolder, string option = "--from")
    {
        string path = Directory.Exists(pathOrFolder) ? Path.Combine(pathOrFolder, "results.json") : pathOrFolder;
        if (!File.Exists(path))
            throw new ConfigException(option, pathOrFolder, "expected a reproduce output folder holding results.json, or a results.json (reproduce writes OUT/results.json)");
        try
        {
            return JsonSerializer.Deserialize<ReproduceResults>(File.ReadAllText(path), Json.Options)
                   ?? throw new ConfigException(option, pathOrFolder, "its results.json is empty");
        }
        catch (JsonException e)
        {
            throw new ConfigException(option, pathOrFolder,
                $"{path} is not a results.json this version of reproduce can read ({e.Message}); run reproduce again to write one");
        }
    }
}
