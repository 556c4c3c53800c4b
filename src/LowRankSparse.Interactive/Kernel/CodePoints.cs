namespace LowRankSparse.Interactive.Kernel;

/// <summary>Jupyter (protocol 5.2+) counts cursor positions in Unicode code points; .NET strings index UTF-16 units.</summary>
internal static class CodePoints
{
    public static int ToUtf16(string text, int codePoints)
    {
        int index = 0;
        for (int i = 0; i < codePoints && index < text.Length; i++) index += char.IsSurrogatePair(text, index) ? 2 : 1;
        return index;
    }

    public static int FromUtf16(string text, int utf16)
    {
        int count = 0;
        for (int i = 0; i < Math.Min(utf16, text.Length); i++) if (!char.IsLowSurrogate(text[i])) count++;
        return count;
    }
}
