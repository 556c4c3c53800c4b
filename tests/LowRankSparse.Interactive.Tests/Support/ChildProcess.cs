using System.Diagnostics;
using System.Text;

namespace LowRankSparse.Interactive.Tests;

/// <summary>
/// A child process whose output is captured as it comes (the one process helper of these tests). Every wait has a deadline:
/// past it the child (and its children) is killed and the wait fails with what the child printed so far.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string Output => Out + Error;
    }

    private static readonly TimeSpan StreamsClose = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly string _name;
    private readonly object _lock = new();
    private readonly StringBuilder _out = new(), _error = new();
    private readonly List<string> _errorLines = [];
    private int _scanned, _open = 2;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        _name = name;
        process.OutputDataReceived += (_, e) => Received(e.Data, _out, null);
        process.ErrorDataReceived += (_, e) => Received(e.Data, _error, _errorLines);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <exception cref="System.ComponentModel.Win32Exception">No such program.</exception>
    public static ChildProcess Start(string program, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new ChildProcess(Process.Start(start)!, $"{program} {string.Join(' ', args)}");
    }

    /// <summary>Runs a program to completion (3 minutes unless told) and returns its exit code and output.</summary>
    public static Result Run(string program, IEnumerable<string> args, string? workingDirectory = null,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        ChildProcess child;
        try
        {
            child = Start(program, args, workingDirectory, environment);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(-1, "", e.Message);  // no such program
        }
        using (child) return child.WaitForExit(timeout ?? TimeSpan.FromMinutes(3));
    }

    /// <summary>The first line on stderr not seen by an earlier call that matches; fails at the deadline or when stderr ends.</summary>
    public string WaitForErrorLine(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_lock)
        {
            while (true)
            {
                while (_scanned < _errorLines.Count)
                {
                    string line = _errorLines[_scanned++];
                    if (match(line)) return line;
                }
                var left = deadline - DateTime.UtcNow;
                if (_open == 0 || left <= TimeSpan.Zero) break;
                Monitor.Wait(_lock, left);
            }
        }
        throw Fail($"{what}: {(_process.HasExited ? "the process ended first" : $"not within {timeout.TotalSeconds:F0} s")}");
    }

    /// <summary>Waits for the exit and the end of both streams; fails (killing the child) at the deadline.</summary>
    public Result WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) throw Fail($"did not exit within {timeout.TotalSeconds:F0} s");
        var deadline = DateTime.UtcNow + StreamsClose;
        lock (_lock)
        {
            while (_open > 0 && DateTime.UtcNow < deadline) Monitor.Wait(_lock, deadline - DateTime.UtcNow);
            if (_open > 0) throw Fail("exited, but its output did not end (a grandchild holds it?)");
            return new Result(_process.ExitCode, _out.ToString(), _error.ToString());
        }
    }

    /// <summary>What the child printed so far, stdout then stderr.</summary>
    public string Output
    {
        get { lock (_lock) return _out.ToString() + _error; }
    }

    private void Received(string? line, StringBuilder text, List<string>? lines)
    {
        lock (_lock)
        {
            if (line is null) _open--;
            else
            {
                text.AppendLine(line);
                lines?.Add(line);
            }
            Monitor.PulseAll(_lock);
        }
    }

    private TimeoutException Fail(string problem)
    {
        Kill();
        return new TimeoutException($"{_name}: {problem}; its output so far:\n{Output}");
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it ended meanwhile
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
