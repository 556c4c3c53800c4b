using System.Security.Cryptography;
using System.Text;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>HMAC-SHA256 over header, parent header, metadata and content, as lowercase hex. An empty key signs nothing.</summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool Signs => _key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Signs) return "";
        using var hmac = new HMACSHA256(_key);
        foreach (var part in parts) hmac.TransformBlock(part, 0, part.Length, null, 0);
        hmac.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(hmac.Hash!);
    }

    /// <summary>Compares in constant time (no timing hint about how much of a forged signature was right).</summary>
    public bool Verify(byte[] signature, IReadOnlyList<byte[]> parts)
    {
        if (!Signs) return true;
        byte[] expected = Encoding.ASCII.GetBytes(Sign(parts));
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
