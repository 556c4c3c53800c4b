using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// The wire format: identities, <c>&lt;IDS|MSG&gt;</c>, signature, header, parent header, metadata, content (then optional
/// buffers, ignored). Decoding checks the signature before anything else is parsed, then (given a <see cref="DigestHistory"/>)
/// that the signature was not seen before: a replayed message is refused.
/// </summary>
public sealed class WireCodec(MessageSigner signer, DigestHistory? history = null)
{
    public static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");

    /// <summary>Null and a reason when the frames are malformed or wrongly signed: such a message is dropped.</summary>
    public JupyterMessage? Decode(IReadOnlyList<byte[]> frames, out string? problem)
    {
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        }
        problem = delimiter < 0 ? "no <IDS|MSG> delimiter"
            : frames.Count < delimiter + 6 ? $"{frames.Count - delimiter - 1} frames after the delimiter, expected at least 5"
            : null;
        if (problem is not null) return null;
        var parts = frames.Skip(delimiter + 2).Take(4).ToList();
        if (!signer.Verify(frames[delimiter + 1], parts))
        {
            problem = "missing or wrong signature";
            return null;
        }
        if (history is not null && signer.Signs && !history.TryAdd(Encoding.ASCII.GetString(frames[delimiter + 1])))
        {
            problem = "duplicate signature (a replayed message)";
            return null;
        }
        try
        {
            var objects = parts.Select(p => JsonNode.Parse(p) as JsonObject ?? throw new JsonException("not a JSON object")).ToList();
            return new JupyterMessage(frames.Take(delimiter).ToList(), objects[0], objects[1], objects[2], objects[3]);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            problem = $"invalid JSON ({e.Message})";
            return null;
        }
    }

    public List<byte[]> Encode(JupyterMessage message)
    {
        var parts = new[] { message.Header, message.ParentHeader, message.Metadata, message.Content }
            .Select(o => Encoding.UTF8.GetBytes(o.ToJsonString())).ToList();
        var frames = new List<byte[]>(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        return frames;
    }
}
