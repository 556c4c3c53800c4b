namespace LowRankSparse.Interactive.Notebooks;

/// <summary>A notebook or argument that cannot be run at all (missing, not JSON, no cells, another language, unknown package).</summary>
public sealed class NotebookInputException(string message) : Exception(message);
