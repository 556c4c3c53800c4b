namespace LowRankSparse.Interactive.Kernel;

/// <summary>A connection file or kernelspec request the kernel cannot use (exit code 2 in the CLI).</summary>
public sealed class KernelConfigException(string message) : Exception(message);
