using System.Text;
using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Kernel;
using NetMQ;
using NetMQ.Monitoring;
using NetMQ.Sockets;
using Xunit.Abstractions;

namespace LowRankSparse.Interactive.Tests;

/// <summary>
/// Hostile input on the kernel's sockets: replays, forged and tampered signatures, truncated, oversized and malformed
/// frames, unknown types, an unsigned shutdown. Nothing of it runs or gets a reply, and after each probe the kernel still
/// answers kernel_info on shell and control within 5 s.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class KernelSecurityTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);
    private readonly KernelHarness _kernels = new();

    [Fact]
    public void A_replayed_execute_request_runs_once_and_replays_on_control_get_no_reply()
    {
        var (_, client) = _kernels.Start();
        client.WaitForReady();
        string marker = Path.Combine(_kernels.Folder, "runs.txt");
        var execute = Signed(client, "execute_request", new JsonObject { ["code"] = $"System.IO.File.AppendAllText(@\"{marker}\", \"ran\\n\");" });
        client.SendFrames(KernelChannel.Shell, execute);
        client.SendFrames(KernelChannel.Shell, execute);                     // the same frames again, as jupyter_client sent them
        var reply = client.Receive(KernelChannel.Shell, Within);
        Assert.Equal("ok", reply?.Content["status"]?.GetValue<string>());
        Survives(client, "replayed execute_request on shell");             // the next reply is kernel_info's: no second execute_reply
        Assert.Equal("ran\n", File.ReadAllText(marker));
        Assert.Equal(2, client.Execute("1").Reply.Content["execution_count"]!.GetValue<int>());

        var info = Signed(client, "kernel_info_request", []);
        client.SendFrames(KernelChannel.Control, info);
        Assert.Equal("kernel_info_reply", client.Receive(KernelChannel.Control, Within)?.Type);
        client.SendFrames(KernelChannel.Control, info);
        Survives(client, "replayed kernel_info_request on control");
        client.SendFrames(KernelChannel.Control, execute);                  // shell's frames replayed on control: one history
        Survives(client, "shell frames replayed on control");
        Assert.Equal("ran\n", File.ReadAllText(marker));
        Assert.Equal(3, _kernels.Log.Count("duplicate signature"));        // one log line per refused replay
    }

    [Fact]
    public void After_1000_distinct_messages_a_replay_of_the_first_is_still_refused()
    {
        var (_, client) = _kernels.Start();
        client.WaitForReady();
        var messages = Enumerable.Range(0, 1000).Select(_ => Signed(client, "kernel_info_request", [])).ToList();
        foreach (var batch in messages.Chunk(100))
        {
            foreach (var frames in batch) client.SendFrames(KernelChannel.Shell, frames);
            foreach (var _ in batch) Assert.Equal("kernel_info_reply", client.Receive(KernelChannel.Shell)?.Type);
        }
        client.SendFrames(KernelChannel.Shell, messages[0]);
        Survives(client, "replay of the first of 1000");
        Assert.Equal(1, _kernels.Log.Count("duplicate signature"));
    }

    [Fact]
    public void Forged_and_copied_signatures_never_run()
    {
        var (_, client) = _kernels.Start();
        client.WaitForReady();
        string marker = Path.Combine(_kernels.Folder, "pwned.txt");
        var forged = new JupyterMessage([], new MessageFactory().Header("execute_request"), [], [],
            new JsonObject { ["code"] = $"System.IO.File.WriteAllText(@\"{marker}\", \"pwned\");" });
        client.SendFrames(KernelChannel.Shell, new WireCodec(new MessageSigner("not-the-key")).Encode(forged));
        Survives(client, "signed with another key");
        client.SendFrames(KernelChannel.Shell, new WireCodec(new MessageSigner("")).Encode(forged));
        Survives(client, "unsigned");
        client.SendFrames(KernelChannel.Shell, new WireCodec(new MessageSigner(client.Connection.Key, "hmac-sha512")).Encode(forged));
        Survives(client, "the right key, another scheme");

        var harmless = Signed(client, "execute_request", new JsonObject { ["code"] = "1" });
        var tampered = harmless.Take(5).Append(client.Codec.Encode(forged)[^1]).ToList();   // a valid signature over other content
        client.SendFrames(KernelChannel.Shell, tampered);
        Survives(client, "valid signature copied onto other content");

        Assert.Equal(1, client.Execute("1").Reply.Content["execution_count"]!.GetValue<int>());   // no forged cell counted
        Assert.False(File.Exists(marker));
        Assert.Equal(4, _kernels.Log.Count("wrong signature"));
        Assert.True(client.HeartbeatAnswers());
    }

    [Fact]
    public void Truncated_frames_are_dropped()
    {
        var (_, client) = _kernels.Start();
        client.WaitForReady();
        var whole = Signed(client, "kernel_info_request", []);
        foreach (int keep in new[] { 0, 1, 2, 3, 5 })
        {
            client.SendFrames(KernelChannel.Shell, keep == 0 ? [Utf8("garbage")] : whole.Take(keep));
            Survives(client, $"{keep} of 6 frames");
        }
        byte[] content = whole[^1];
        var cut = whole.Take(5).Append(content[..(content.Length / 2)]).ToList();
        client.SendFrames(KernelChannel.Shell, cut);
        Survives(client, "content cut in half");
        client.SendFrames(KernelChannel.Shell, Frames(client, whole.Skip(2).Take(3).Append(content[..(content.Length / 2)])));
        Survives(client, "content cut in half, signed");
        client.SendFrames(KernelChannel.Shell, [WireCodec.Delimiter, [], [], [], [], []]);
        Survives(client, "empty frames");
        client.SendFrames(KernelChannel.Control, [WireCodec.Delimiter, Utf8("sig"), Utf8("{")]);
        Survives(client, "3 frames on control");
        Assert.Equal(9, _kernels.Log.Count("dropped"));
    }

    [Fact]
    public void A_64_MiB_frame_is_refused_before_it_is_read()
    {
        var (_, client) = _kernels.Start();
        client.WaitForReady();
        using var probe = new DealerSocket();
        using var disconnected = new ManualResetEventSlim();
        using var monitor = new NetMQMonitor(probe, $"inproc://oversize-{Guid.NewGuid():N}", SocketEvents.Disconnected);
        monitor.Disconnected += (_, _) => disconnected.Set();
        _ = monitor.StartAsync();
        probe.Options.Linger = TimeSpan.Zero;
        probe.Connect(client.Connection.Address(client.Connection.ShellPort));

        var frame = new Msg();
        frame.InitGC(new byte[64 << 20], 64 << 20);   // sent as it is: no copy on this side
        Assert.True(probe.TrySend(ref frame, TimeSpan.FromSeconds(10), more: false));
        frame.Close();
        Assert.True(disconnected.Wait(TimeSpan.FromSeconds(30)), "the kernel read the 64 MiB frame instead of refusing it");
        Survives(client, $"a 64 MiB frame (limit {KernelServer.MaxFrameBytes >> 20} MiB)");
        monitor.Stop();
    }

    [Fact]
    public void An_unknown_message_type_gets_no_reply_like_ipykernel()
    {
        var (_, client) = _kernels.Start();
        client.WaitForReady();
        client.SendFrames(KernelChannel.Shell, Signed(client, "frobnicate_request", []));
        Survives(client, "unknown msg_type on shell");
        client.SendFrames(KernelChannel.Control, Signed(client, "frobnicate_request", []));
        Survives(client, "unknown msg_type on control");
        Assert.Equal(2, _kernels.Log.Count("Unknown message type: 'frobnicate_request'"));
    }

    [Fact]
    public void Malformed_json_in_any_part_is_dropped()
    {
        var (_, client) = _kernels.Start();
        client.WaitForReady();
        string[] names = ["header", "parent_header", "metadata", "content"];
        var valid = Signed(client, "execute_request", new JsonObject { ["code"] = "1" }).Skip(2).ToList();
        (string Name, byte[] Bytes)[] bad =
            [("cut JSON", Utf8("{\"msg_type\": ")), ("an array", Utf8("[1]")), ("a string", Utf8("\"text\"")), ("invalid UTF-8", [0xff, 0xfe, 0x7b, 0x7d])];
        for (int part = 0; part < 4; part++)
        {
            foreach (var (name, json) in bad)
            {
                var parts = valid.Select((p, i) => i == part ? json : p);
                client.SendFrames(KernelChannel.Shell, Frames(client, parts));
                Survives(client, $"{names[part]}: {name}");
            }
        }
        Assert.Equal(16, _kernels.Log.Count("invalid JSON"));
        Assert.Equal(1, client.Execute("1").Reply.Content["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void A_shutdown_request_without_a_valid_signature_does_not_shut_down()
    {
        var (kernel, client) = _kernels.Start();
        client.WaitForReady();
        var shutdown = new JupyterMessage([], new MessageFactory().Header("shutdown_request"), [], [], new JsonObject { ["restart"] = false });
        var genuine = Signed(client, "kernel_info_request", []);
        var attempts = new Dictionary<string, List<byte[]>>
        {
            ["unsigned"] = new WireCodec(new MessageSigner("")).Encode(shutdown),
            ["another key"] = new WireCodec(new MessageSigner("guessed")).Encode(shutdown),
            ["a garbage signature"] = [WireCodec.Delimiter, Utf8(new string('0', 64)), .. client.Codec.Encode(shutdown).Skip(2)],
            ["kernel_info's signature copied"] = [.. genuine.Take(2), .. client.Codec.Encode(shutdown).Skip(2)],
        };
        foreach (var (name, frames) in attempts)
        {
            client.SendFrames(KernelChannel.Control, frames);
            Survives(client, $"shutdown_request on control, {name}");
            Assert.False(kernel.WaitForShutdown(TimeSpan.Zero), name);
        }
        Assert.True(client.HeartbeatAnswers());
    }

    [Fact]
    public void A_kernel_signing_with_hmac_sha512_answers_sha512_and_refuses_sha256()
    {
        var (_, client) = _kernels.Start("hmac-sha512");
        Assert.Equal("kernel_info_reply", client.WaitForReady().Type);        // the client checks every reply's hmac-sha512 signature
        var info = new JupyterMessage([], new MessageFactory().Header("kernel_info_request"), [], [], []);
        client.SendFrames(KernelChannel.Shell, new WireCodec(new MessageSigner(client.Connection.Key)).Encode(info));
        Survives(client, "sha256 signature to a sha512 kernel");
        Assert.Equal(1, _kernels.Log.Count("wrong signature"));
    }

    /// <summary>The probe just sent got no reply, and the kernel answers kernel_info on shell and control within 5 s.</summary>
    private void Survives(KernelClient client, string probe)
    {
        var shell = client.AnswersKernelInfo(KernelChannel.Shell, Within);
        var control = client.AnswersKernelInfo(KernelChannel.Control, Within);
        output.WriteLine($"{probe}: kernel_info answered after {shell.TotalMilliseconds:F1} ms (shell), {control.TotalMilliseconds:F1} ms (control)");
    }

    private static List<byte[]> Signed(KernelClient client, string type, JsonObject content) =>
        client.Codec.Encode(new JupyterMessage([], new MessageFactory().Header(type), [], [], content));

    /// <summary>Delimiter, a valid signature over <paramref name="parts"/>, the parts.</summary>
    private static List<byte[]> Frames(KernelClient client, IEnumerable<byte[]> parts)
    {
        var list = parts.ToList();
        return [WireCodec.Delimiter, Utf8(new MessageSigner(client.Connection.Key, client.Connection.SignatureScheme).Sign(list)), .. list];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose() => _kernels.Dispose();
}
