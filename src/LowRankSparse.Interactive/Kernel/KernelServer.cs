using LowRankSparse.Interactive.Engine;
using NetMQ;
using NetMQ.Sockets;

namespace LowRankSparse.Interactive.Kernel;

public enum KernelChannel { Shell, Control, Stdin, IoPub }

/// <summary>Sends a message; safe from any thread.</summary>
public interface IKernelOutbox
{
    void Send(KernelChannel channel, JupyterMessage message);
}

/// <summary>
/// The five ZeroMQ sockets of a kernel (shell, control, stdin: ROUTER; iopub: PUB; heartbeat: REP echo), bound to the connection
/// file's address only, and served by one poller thread. Every socket operation happens on that thread: other threads hand
/// messages over through a queue. Incoming messages are decoded and verified here; malformed or wrongly signed ones are logged
/// and dropped, so they can never run; so is a replayed one (a signature seen before, on shell or control: one
/// <see cref="DigestHistory"/> for the kernel, like jupyter_client's one Session). A frame over <see cref="MaxFrameBytes"/>
/// is refused by ZeroMQ itself (MaxMsgSize) as soon as its length is read, before any memory is taken for it, and the peer
/// that sent it is disconnected (its socket reconnects by itself).
/// </summary>
public sealed class KernelServer : IKernelOutbox, IDisposable
{
    private readonly RouterSocket _shell = new(), _control = new(), _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<Action> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly WireCodec _codec;
    private readonly Action<KernelChannel, JupyterMessage> _onRequest;
    private readonly TextWriter _log;

    /// <summary>The largest frame (one part of a message) the kernel accepts: 16 MiB.</summary>
    public const long MaxFrameBytes = 16L << 20;

    public KernelServer(ConnectionInfo info, Action<KernelChannel, JupyterMessage> onRequest, TextWriter? log = null)
    {
        _codec = new WireCodec(new MessageSigner(info.Key, info.SignatureScheme), new DigestHistory());
        _onRequest = onRequest;
        _log = log ?? ConsoleRouter.OriginalError;
        foreach (var socket in Sockets)
        {
            socket.Options.Linger = TimeSpan.FromSeconds(1);
            socket.Options.MaxMsgSize = MaxFrameBytes;
        }
        try
        {
            Connection = info with
            {
                ShellPort = Bind(_shell, info, "shell_port", info.ShellPort),
                ControlPort = Bind(_control, info, "control_port", info.ControlPort),
                StdinPort = Bind(_stdin, info, "stdin_port", info.StdinPort),
                IopubPort = Bind(_iopub, info, "iopub_port", info.IopubPort),
                HbPort = Bind(_heartbeat, info, "hb_port", info.HbPort),
            };
        }
        catch
        {
            foreach (var socket in Sockets) socket.Dispose();
            _outbox.Dispose();
            throw;
        }
        _shell.ReceiveReady += (_, _) => Receive(_shell, KernelChannel.Shell);
        _control.ReceiveReady += (_, _) => Receive(_control, KernelChannel.Control);
        _stdin.ReceiveReady += (_, _) => Receive(_stdin, KernelChannel.Stdin);
        _heartbeat.ReceiveReady += (_, _) => Echo();
        _outbox.ReceiveReady += (_, _) => Drain();
        _poller = [_shell, _control, _stdin, _heartbeat, _outbox];
    }

    /// <summary>The connection as bound: a port 0 of the connection file is here the free port the kernel got.</summary>
    public ConnectionInfo Connection { get; }

    private static int Bind(NetMQSocket socket, ConnectionInfo info, string field, int port)
    {
        try
        {
            if (port == 0) return socket.BindRandomPort($"{info.Transport}://{info.Ip}");
            socket.Bind(info.Address(port));
            return port;
        }
        catch (AddressAlreadyInUseException)
        {
            throw new KernelConfigException($"{field} {port} on {info.Ip} is already in use");
        }
    }

    private IEnumerable<NetMQSocket> Sockets => [_shell, _control, _stdin, _iopub, _heartbeat];

    public void Start() => _poller.RunAsync("jupyter kernel sockets");

    public void Send(KernelChannel channel, JupyterMessage message) => _outbox.Enqueue(() =>
    {
        NetMQSocket socket = channel switch
        {
            KernelChannel.Shell => _shell, KernelChannel.Control => _control, KernelChannel.Stdin => _stdin, _ => _iopub,
        };
        socket.SendMultipartBytes(_codec.Encode(message));
    });

    /// <summary>Stops after everything already handed to <see cref="Send"/> went out.</summary>
    public void Stop() => _outbox.Enqueue(() => _poller.StopAsync());

    public void WaitUntilStopped()
    {
        while (_poller.IsRunning) Thread.Sleep(20);
    }

    private void Receive(NetMQSocket socket, KernelChannel channel)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(ref frames!))
        {
            try
            {
                var message = _codec.Decode(frames, out string? problem);
                if (message is null) _log.WriteLine($"kernel: dropped a {channel} message: {problem}");
                else _onRequest(channel, message);
            }
            catch (Exception e)
            {
                _log.WriteLine($"kernel: error handling a {channel} message: {e.Message}");
            }
        }
    }

    private void Echo()
    {
        var frames = new List<byte[]>();
        while (_heartbeat.TryReceiveMultipartBytes(ref frames!)) _heartbeat.SendMultipartBytes(frames);
    }

    private void Drain()
    {
        while (_outbox.TryDequeue(out var send, TimeSpan.Zero))
        {
            try
            {
                send();
            }
            catch (Exception e)
            {
                _log.WriteLine($"kernel: could not send a message: {e.Message}");
            }
        }
    }

    public void Dispose()
    {
        if (_poller.IsRunning) _poller.Stop();
        _poller.Dispose();
        _outbox.Dispose();
        foreach (var socket in Sockets) socket.Dispose();
    }
}
