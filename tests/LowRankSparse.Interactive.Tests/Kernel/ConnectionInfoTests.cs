using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Kernel;

namespace LowRankSparse.Interactive.Tests;

/// <summary>Reading the connection file (key, scheme, ports) and writing the bound ports back into it.</summary>
[Collection(NotebookCollection.Name)]
public sealed class ConnectionInfoTests
{
    private readonly string _folder = TestPaths.NewTempDir("connection");

    private string File(string json)
    {
        string file = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(file, json);
        return file;
    }

    [Fact]
    public void An_empty_key_is_rejected_unless_allowed()
    {
        string file = File("""{"transport": "tcp", "ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": ""}""");
        Assert.Contains("--allow-unsigned", Assert.Throws<KernelConfigException>(() => ConnectionInfo.Load(file, allowUnsigned: false)).Message);
        Assert.Equal("", ConnectionInfo.Load(file, allowUnsigned: true).Key);
    }

    [Theory]
    [InlineData("hmac-sha256")]
    [InlineData("hmac-sha512")]
    [InlineData("hmac-sha1")]
    [InlineData("hmac-md5")]
    public void Schemes_jupyter_client_accepts_are_read(string scheme)
    {
        string file = File($$"""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "{{scheme}}"}""");
        Assert.Equal(scheme, ConnectionInfo.Load(file, allowUnsigned: false).SignatureScheme);
    }

    [Fact]
    public void Another_scheme_is_refused_by_name()
    {
        string file = File("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "rot13"}""");
        Assert.Contains("signature scheme 'rot13' is not supported", Assert.Throws<KernelConfigException>(() => ConnectionInfo.Load(file, false)).Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    [InlineData("\"80\"")]
    public void A_port_out_of_range_is_refused_by_name(string port)
    {
        string file = File($$"""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": {{port}}, "hb_port": 5, "key": "k"}""");
        Assert.Contains("'control_port'", Assert.Throws<KernelConfigException>(() => ConnectionInfo.Load(file, false)).Message);
    }

    [Fact]
    public void Ports_0_are_bound_by_the_kernel_and_written_back_keeping_the_other_fields()
    {
        var (requested, file) = KernelClient.NewConnection(_folder);
        Assert.True(ConnectionInfo.Load(file, false).HasUnassignedPorts);
        using var kernel = new JupyterKernel(requested, _folder, TestHost.Instance, TextWriter.Null);
        var bound = kernel.Connection;
        int[] ports = [bound.ShellPort, bound.IopubPort, bound.StdinPort, bound.ControlPort, bound.HbPort];
        Assert.All(ports, p => Assert.InRange(p, 1, 65535));
        Assert.Equal(5, ports.Distinct().Count());

        bound.WritePorts(file);
        Assert.Equal(bound, ConnectionInfo.Load(file, false));
        Assert.Equal(KernelSpec.DefaultName, JsonNode.Parse(System.IO.File.ReadAllText(file))!["kernel_name"]!.GetValue<string>());
    }

    [Fact]
    public void A_port_in_use_is_refused_by_name()
    {
        using var taken = new NetMQ.Sockets.ResponseSocket();
        int port = taken.BindRandomPort("tcp://127.0.0.1");
        var info = new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, port, 0, "k", SignatureScheme.HmacSha256);
        var e = Assert.Throws<KernelConfigException>(() => new JupyterKernel(info, _folder, TestHost.Instance, TextWriter.Null));
        Assert.Equal($"control_port {port} on 127.0.0.1 is already in use", e.Message);
    }
}
