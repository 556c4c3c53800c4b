using System.CommandLine;
using LowRankSparse.Config;
using LowRankSparse.Interactive.Kernel;
using LowRankSparse.Interactive.Notebooks;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Cli;

/// <summary>
/// Runs the parsed command and maps failures to exit codes: 2 = usage or configuration error (a bad config, option,
/// notebook or connection file), 1 = run failure,
/// 130 = cancelled (Ctrl+C). Messages are one clear line; the stack trace only with --verbose.
/// </summary>
internal static class CliHost
{
    public const int UsageError = 2;
    public const int RunFailure = 1;
    public const int Cancelled = 130;

    public static int Invoke(RootCommand root, string[] args)
    {
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run with --help to see the commands and options.");
            return UsageError;
        }
        bool verbose = parsed.GetValue(CommonOptions.Verbose);
        Arguments = args;
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;  // let the run stop between steps and clean up
            cancel.Cancel();
            Console.Error.WriteLine("Cancelling after the current step…");
        };
        Console.CancelKeyPress += onCancel;
        Cancellation = cancel.Token;
        try
        {
            // our own handlers: exceptions map to exit codes below; Ctrl+C cancels cooperatively between steps
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e)
        {
            return Report(e, verbose);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The arguments the app was started with (recorded in results.json).</summary>
    public static IReadOnlyList<string> Arguments { get; private set; } = [];

    /// <summary>Cancelled by Ctrl+C; commands pass it to long-running work.</summary>
    public static CancellationToken Cancellation { get; private set; }

    public static int Report(Exception e, bool verbose)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerException! : e;
        (int code, string prefix) = inner switch
        {
            ConfigException => (UsageError, "error"),
            LowRankSparse.Data.Images.DataFileException => (UsageError, "error"),
            UsageException or NotebookInputException or KernelConfigException => (UsageError, "error"),
            OperationCanceledException => (Cancelled, "cancelled"),
            DivergenceException => (RunFailure, "run failed"),
            _ => (RunFailure, "run failed"),
        };
        Console.Error.WriteLine($"{prefix}: {inner.Message}");
        if (verbose) Console.Error.WriteLine(inner.ToString());
        else if (code == RunFailure && inner is not DivergenceException) Console.Error.WriteLine("(run with --verbose for the stack trace)");
        return code;
    }
}

/// <summary>A bad command-line argument found after parsing (e.g. an output folder that cannot be used): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
