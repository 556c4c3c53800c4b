namespace LowRankSparse.Hosting;

/// <summary>What an exported app needs from the host.</summary>
/// <param name="Project">The project the app references with <c>#:project</c>, relative to the repository root.</param>
/// <param name="BadInputException">Full name of the exception for bad input (the app exits with code 2 on it, 1 on anything else).</param>
/// <param name="ChartPage">A static method <c>string? M(object? value)</c>, by full name: a standalone HTML page for a chart, or null.</param>
public sealed record AppExport(string Project, string BadInputException, string ChartPage);
