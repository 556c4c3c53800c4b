namespace LowRankSparse.Data.Images;

/// <summary>
/// A data file that is missing, truncated or not what it claims to be (bad input, not a bug): the message names the file and
/// what is wrong, and how to fix it where there is a fix. Command-line front ends exit with code 2 and print no stack trace.
/// </summary>
public sealed class DataFileException(string message) : Exception(message);
