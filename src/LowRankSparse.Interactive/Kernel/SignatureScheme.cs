using System.Security.Cryptography;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// The connection file's <c>signature_scheme</c>: "hmac-" and a hash, as jupyter_client names them (hashlib's names).
/// md5, sha1, sha256 (Jupyter's default), sha384 and sha512 always; sha3_256, sha3_384 and sha3_512 where the platform's
/// crypto library has SHA-3.
/// </summary>
public static class SignatureScheme
{
    public const string HmacSha256 = "hmac-sha256";

    private static readonly Dictionary<string, HashAlgorithmName> Hashes = new()
    {
        ["hmac-md5"] = HashAlgorithmName.MD5,
        ["hmac-sha1"] = HashAlgorithmName.SHA1,
        [HmacSha256] = HashAlgorithmName.SHA256,
        ["hmac-sha384"] = HashAlgorithmName.SHA384,
        ["hmac-sha512"] = HashAlgorithmName.SHA512,
        ["hmac-sha3_256"] = HashAlgorithmName.SHA3_256,
        ["hmac-sha3_384"] = HashAlgorithmName.SHA3_384,
        ["hmac-sha3_512"] = HashAlgorithmName.SHA3_512,
    };

    /// <summary>The schemes this machine can sign with.</summary>
    public static IEnumerable<string> Supported => Hashes.Where(h => IsAvailable(h.Value)).Select(h => h.Key);

    /// <exception cref="KernelConfigException">The scheme is not one of <see cref="Supported"/>.</exception>
    public static HashAlgorithmName Hash(string scheme) =>
        Hashes.TryGetValue(scheme, out var hash) && IsAvailable(hash)
            ? hash
            : throw new KernelConfigException($"signature scheme '{scheme}' is not supported (use one of: {string.Join(", ", Supported)})");

    private static bool IsAvailable(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA3_256 ? HMACSHA3_256.IsSupported
        : hash == HashAlgorithmName.SHA3_384 ? HMACSHA3_384.IsSupported
        : hash == HashAlgorithmName.SHA3_512 ? HMACSHA3_512.IsSupported
        : true;
}
