using System.Text;
using LowRankSparse.Interactive.Kernel;

namespace LowRankSparse.Interactive.Tests;

/// <summary>Every signature scheme against the published HMAC test vectors (RFC 2202, RFC 4231 test case 2), signed in parts.</summary>
public sealed class MessageSignerTests
{
    [Theory]
    [InlineData("hmac-md5", "750c783e6ab0b503eaa86e310a5db738")]
    [InlineData("hmac-sha1", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")]
    [InlineData("hmac-sha256", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData("hmac-sha384", "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649")]
    [InlineData("hmac-sha512", "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")]
    public void Signs_the_test_vector(string scheme, string expected)
    {
        var signer = new MessageSigner("Jefe", scheme);
        byte[][] parts = [Encoding.ASCII.GetBytes("what do ya want "), Encoding.ASCII.GetBytes("for nothing?")];
        Assert.Equal(expected, signer.Sign(parts));
        Assert.True(signer.Verify(Encoding.ASCII.GetBytes(expected), parts));
        Assert.False(signer.Verify(Encoding.ASCII.GetBytes(expected.ToUpperInvariant()), parts));
    }

    [Fact]
    public void An_unknown_scheme_is_named_in_the_refusal()
    {
        var e = Assert.Throws<KernelConfigException>(() => new MessageSigner("key", "hmac-sha999"));
        Assert.Contains("'hmac-sha999'", e.Message);
        Assert.Contains("hmac-sha512", e.Message);   // and what would do
    }
}
