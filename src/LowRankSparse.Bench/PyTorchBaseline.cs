using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Benchmarks;

/// <summary>
/// Runs bench/pytorch_baseline.py (the same model and loop in PyTorch) with a Python that has torch, and reads its
/// median milliseconds per step. <see cref="FindPython"/> returns null when no such Python exists; the caller then skips.
/// </summary>
public static class PyTorchBaseline
{
    private static readonly string[] Candidates = { "python3", "/usr/bin/python3", "python" };

    /// <summary>The first Python on this machine that can <c>import torch</c>, with torch's version; null if none.</summary>
    public static (string Python, string TorchVersion)? FindPython()
    {
        foreach (string python in Candidates)
        {
            var (code, output) = Run(python, new[] { "-c", "import torch; print(torch.__version__)" }, TimeSpan.FromSeconds(60));
            if (code == 0) return (python, output.Trim());
        }
        return null;
    }

    public static double MsPerStep(string python, string script, ExperimentConfig c, int threads, int repeats)
    {
        var args = new List<string>
        {
            script, "--dim", I(c.Data.Dim), "--tokens", I(c.Data.Tokens), "--neurons", I(c.Model.Neurons),
            "--batch", I(c.Training.BatchSize), "--samples", I(c.Data.TrainSamples), "--steps", I(c.Training.Steps),
            "--lr", c.Training.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            "--snapshot-every", I(c.Training.SnapshotEvery), "--threads", I(threads), "--repeats", I(repeats),
        };
        var (code, output) = Run(python, args, TimeSpan.FromMinutes(30));
        if (code != 0) throw new InvalidOperationException($"{script} failed (exit code {code}): {output.Trim()}");
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        return json.RootElement.GetProperty("ms_per_step").GetDouble();
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out");
            }
            return (process.ExitCode, process.ExitCode == 0 ? stdout : stdout + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);   // not installed
        }
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
