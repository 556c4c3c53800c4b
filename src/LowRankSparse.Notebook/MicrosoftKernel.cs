using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LowRankSparse.Util;

namespace LowRankSparse.Display;

/// <summary>
/// Interrupting the library's long loops (training, LoRA, parallel work) in Microsoft's .NET Interactive kernel, which runs cells
/// without our engine's <see cref="AmbientCancellation"/> token. What that kernel does on an interrupt (dotnet-interactive 1.0.712001):
/// <list type="bullet">
/// <item>VS Code's Polyglot Notebooks (<c>dotnet interactive stdio</c>) sends a <c>Cancel</c> command: the kernel cancels the running
/// cell's <c>KernelInvocationContext.CancellationToken</c> and reports the cell cancelled at once, but user code keeps running
/// unless it watches that token.</item>
/// <item>Jupyter: its kernelspec has no <c>interrupt_mode</c>, so Jupyter sends SIGINT to the kernel's process group; the kernel's
/// generic host takes SIGINT as "shut down" (<c>ConsoleLifetime</c>), the running cell goes on, and the kernel dies once it ends.
/// With <c>"interrupt_mode": "message"</c> its interrupt handler cancels nothing (it looks for the running cell on the control thread).</item>
/// </list>
/// <see cref="Attach"/> makes the library watch the running cell's token, and takes SIGINT over from the host's shutdown handler: an
/// interrupt then cancels the running cell's library loops (they end with <see cref="OperationCanceledException"/>) and the kernel
/// lives on with its state. Code outside the library (a student's own busy loop) cannot be stopped this way: restart the kernel.
/// </summary>
public static class MicrosoftKernel
{
    private const string ContextType = "Microsoft.DotNet.Interactive.KernelInvocationContext";
    private const string HostShutdownHandler = "Microsoft.Extensions.Hosting.Internal.ConsoleLifetime";

    private static readonly ConditionalWeakTable<object, CancellationTokenSource> PerCell = new();
    private static CancellationTokenSource? _latest;
    private static PosixSignalRegistration? _sigint;

    /// <summary>Microsoft's kernel is the host: its assembly is loaded.</summary>
    public static bool IsHost => ContextTypeIn(AppDomain.CurrentDomain.GetAssemblies()) is not null;

    /// <summary>
    /// Microsoft's kernel as VS Code's Polyglot Notebooks starts it (<c>dotnet interactive stdio</c>; Jupyter starts <c>dotnet interactive
    /// jupyter</c>): its outputs live in a webview that cannot load a file beside the notebook, and it passes every MIME type on as text,
    /// which VS Code's renderers parse. (Over Jupyter the kernel would send the Plotly JSON as a string, which JupyterLab's renderer cannot draw.)
    /// </summary>
    public static bool IsPolyglotNotebooks => IsHost && Environment.GetCommandLineArgs().Any(a => a == "stdio");

    /// <summary>Links the library's loops to the running cell of Microsoft's kernel; what it did, for the setup message (null when that kernel is not the host).</summary>
    public static string? Attach()
    {
        var type = ContextTypeIn(AppDomain.CurrentDomain.GetAssemblies());
        var current = type?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
        var token = type?.GetProperty("CancellationToken", BindingFlags.Public | BindingFlags.Instance);
        if (current is null || token is null) return null;
        AmbientCancellation.HostToken = () => CellToken(current.GetValue(null), token);
        _sigint ??= PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;                          // never the runtime's default (end the process)
            Volatile.Read(ref _latest)?.Cancel();
        });
        int removed = RemoveHostShutdownOnSigint();
        return "interrupt stops the library's loops" + (removed > 0 ? " (SIGINT no longer shuts the kernel down)" : "");
    }

    /// <summary>The running cell's token, linked once per cell to a source that SIGINT cancels while that cell is the latest to run library code.</summary>
    private static CancellationToken CellToken(object? context, PropertyInfo token)
    {
        if (context is null) return default;
        var source = PerCell.GetValue(context, c => CancellationTokenSource.CreateLinkedTokenSource((CancellationToken)token.GetValue(c)!));
        Volatile.Write(ref _latest, source);
        return source.Token;
    }

    private static Type? ContextTypeIn(IEnumerable<Assembly> assemblies) =>
        assemblies.Where(a => a.GetName().Name == "Microsoft.DotNet.Interactive").Select(a => a.GetType(ContextType)).FirstOrDefault(t => t is not null);

    /// <summary>
    /// Drops the generic host's SIGINT registration (ConsoleLifetime: SIGINT = stop the application) from the runtime's table, so an
    /// interrupt no longer kills the kernel; SIGTERM, with which Jupyter shuts a kernel down, keeps its handler. Returns how many were removed
    /// (0 when the runtime's private table is not where .NET 10 keeps it: then the kernel still shuts down on an interrupt).
    /// </summary>
    private static int RemoveHostShutdownOnSigint()
    {
        if (typeof(PosixSignalRegistration).GetField("s_registrations", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is not System.Collections.IDictionary table)
            return 0;
        lock (table)
        {
            if (table[(int)SigInt] is not System.Collections.IList tokens) return 0;
            var hosts = tokens.Cast<object>().Where(t => (t.GetType().GetProperty("Handler", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(t)
                as Delegate)?.Target?.GetType().FullName == HostShutdownHandler).ToList();
            foreach (var t in hosts) tokens.Remove(t);
            return hosts.Count;
        }
    }

    private const int SigInt = 2;   // Linux
}
