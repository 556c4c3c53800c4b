using System.Security.Cryptography;
using System.Text;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// The HMAC (<see cref="SignatureScheme"/>, SHA-256 by default) over header, parent header, metadata and content, as lowercase
/// hex. An empty key signs nothing.
/// </summary>
public sealed class MessageSigner(string key, string scheme = SignatureScheme.HmacSha256)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);
    private readonly HashAlgorithmName _hash = SignatureScheme.Hash(scheme);

    public bool Signs => _key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Signs) return "";
        using var hmac = IncrementalHash.CreateHMAC(_hash, _key);
        foreach (var part in parts) hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Compares in constant time (no timing hint about how much of a forged signature was right).</summary>
    public bool Verify(byte[] signature, IReadOnlyList<byte[]> parts)
    {
        if (!Signs) return true;
        byte[] expected = Encoding.ASCII.GetBytes(Sign(parts));
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
