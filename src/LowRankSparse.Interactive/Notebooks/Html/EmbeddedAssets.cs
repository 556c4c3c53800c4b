using System.Reflection;

namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>The files vendored under Notebooks/Html/Assets, embedded in this assembly by their logical names (see the .csproj).</summary>
internal static class EmbeddedAssets
{
    public static string Text(string name) => System.Text.Encoding.UTF8.GetString(Bytes(name));

    public static byte[] Bytes(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
