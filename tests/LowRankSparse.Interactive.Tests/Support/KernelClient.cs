using System.Diagnostics;
using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Kernel;
using NetMQ;
using NetMQ.Sockets;

namespace LowRankSparse.Interactive.Tests;

/// <summary>A minimal Jupyter client for tests: DEALER sockets for shell and control, SUB for iopub, REQ for the heartbeat.</summary>
internal sealed class KernelClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DealerSocket _shell = new(), _control = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly RequestSocket _heartbeat = new();
    private readonly MessageFactory _messages = new();

    public KernelClient(ConnectionInfo connection)
    {
        Connection = connection;
        Codec = new WireCodec(new MessageSigner(connection.Key, connection.SignatureScheme));
        _shell.Connect(connection.Address(connection.ShellPort));
        _control.Connect(connection.Address(connection.ControlPort));
        _iopub.Connect(connection.Address(connection.IopubPort));
        _iopub.SubscribeToAnyTopic();
        _heartbeat.Connect(connection.Address(connection.HbPort));
    }

    public ConnectionInfo Connection { get; }
    public WireCodec Codec { get; }

    /// <summary>
    /// A connection file with a fresh key and every port 0: the kernel binds free ports itself and writes them back (no port is
    /// picked, released and hoped to stay free). Connect with the kernel's bound connection, or the file read back once the
    /// kernel process said it is listening.
    /// </summary>
    public static (ConnectionInfo Info, string File) NewConnection(string folder, string scheme = SignatureScheme.HmacSha256)
    {
        var info = new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, Guid.NewGuid().ToString(), scheme);
        var json = new JsonObject
        {
            ["transport"] = info.Transport, ["ip"] = info.Ip, ["shell_port"] = 0, ["iopub_port"] = 0, ["stdin_port"] = 0, ["control_port"] = 0,
            ["hb_port"] = 0, ["key"] = info.Key, ["signature_scheme"] = info.SignatureScheme, ["kernel_name"] = KernelSpec.DefaultName,
        };
        string file = Path.Combine(folder, "connection.json");
        File.WriteAllText(file, json.ToJsonString());
        return (info, file);
    }

    /// <summary>Sends kernel_info until the reply and its iopub status arrive (the iopub subscription takes a moment to settle).</summary>
    public JupyterMessage WaitForReady()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var request = Send(KernelChannel.Shell, "kernel_info_request", []);
            var reply = Receive(KernelChannel.Shell, TimeSpan.FromSeconds(10)) ?? throw new TimeoutException("no kernel_info_reply");
            if (Published(request, TimeSpan.FromMilliseconds(500)).Any(m => m.Type == "status")) return reply;
        }
        throw new TimeoutException("iopub never delivered a status message");
    }

    public JupyterMessage Send(KernelChannel channel, string type, JsonObject content)
    {
        var message = new JupyterMessage([], _messages.Header(type), [], [], content);
        Socket(channel).SendMultipartBytes(Codec.Encode(message));
        return message;
    }

    public void SendFrames(KernelChannel channel, IEnumerable<byte[]> frames) => Socket(channel).SendMultipartBytes(frames);

    /// <summary>
    /// Sends kernel_info_request on <paramref name="channel"/> and fails unless the very next reply there is its reply, within
    /// <paramref name="within"/> (so a probe sent before it got no reply of its own). Returns the time it took.
    /// </summary>
    public TimeSpan AnswersKernelInfo(KernelChannel channel, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var request = Send(channel, "kernel_info_request", []);
        var reply = Receive(channel, within) ?? throw new TimeoutException($"no reply on {channel} within {within.TotalSeconds:F0} s");
        if (reply.Type != "kernel_info_reply" || reply.ParentHeader["msg_id"]?.GetValue<string>() != request.Header["msg_id"]!.GetValue<string>())
            throw new InvalidOperationException($"the next reply on {channel} was a {reply.Type} to {reply.ParentHeader["msg_type"]}, not the kernel_info_reply");
        return clock.Elapsed;
    }

    public JupyterMessage? Receive(KernelChannel channel, TimeSpan? timeout = null)
    {
        var frames = new List<byte[]>();
        if (!Socket(channel).TryReceiveMultipartBytes(timeout ?? Patience, ref frames!)) return null;
        return Codec.Decode(frames, out string? problem) ?? throw new InvalidOperationException($"kernel sent a bad message: {problem}");
    }

    /// <summary>The iopub messages for <paramref name="request"/> up to its status idle (others are skipped).</summary>
    public List<JupyterMessage> Published(JupyterMessage request, TimeSpan? timeout = null)
    {
        var messages = new List<JupyterMessage>();
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (DateTime.UtcNow < deadline && Receive(KernelChannel.IoPub, deadline - DateTime.UtcNow) is { } message)
        {
            if (message.ParentHeader["msg_id"]?.GetValue<string>() != request.Header["msg_id"]!.GetValue<string>()) continue;
            messages.Add(message);
            if (message.Type == "status" && message.Content["execution_state"]?.GetValue<string>() == "idle") break;
        }
        return messages;
    }

    /// <summary>Reads iopub until <paramref name="request"/>'s cell printed <paramref name="text"/> (a stream message).</summary>
    public void WaitForOutput(JupyterMessage request, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && Receive(KernelChannel.IoPub, deadline - DateTime.UtcNow) is { } message)
        {
            if (message.ParentHeader["msg_id"]?.GetValue<string>() == request.Header["msg_id"]!.GetValue<string>()
                && message.Type == "stream" && message.Content["text"]?.GetValue<string>() == text) return;
        }
        throw new TimeoutException($"the cell never printed {text.Trim()}");
    }

    /// <summary>Runs a cell: its reply and what it published.</summary>
    public (JupyterMessage Reply, List<JupyterMessage> Published) Execute(string code)
    {
        var request = Send(KernelChannel.Shell, "execute_request", new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true });
        var reply = Receive(KernelChannel.Shell) ?? throw new TimeoutException($"no execute_reply for: {code}");
        return (reply, Published(request));
    }

    public bool HeartbeatAnswers()
    {
        _heartbeat.SendFrame("ping");
        return _heartbeat.TryReceiveFrameString(TimeSpan.FromSeconds(5), out string? echo) && echo == "ping";
    }

    private NetMQSocket Socket(KernelChannel channel) => channel switch
    {
        KernelChannel.Shell => _shell, KernelChannel.Control => _control, KernelChannel.IoPub => _iopub, _ => throw new ArgumentException(channel.ToString()),
    };

    public void Dispose()
    {
        foreach (var socket in new NetMQSocket[] { _shell, _control, _iopub, _heartbeat })
        {
            socket.Options.Linger = TimeSpan.Zero;
            socket.Dispose();
        }
    }
}
