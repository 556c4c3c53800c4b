namespace LowRankSparse.Interactive.Notebooks;

/// <summary>Where a notebook stopped. <see cref="Cell"/> is the 1-based position in the executed notebook (markdown cells count).</summary>
public sealed record NotebookFailure(string Notebook, int Cell, int? Line, string ErrorName, string Message)
{
    public override string ToString() =>
        $"notebook {Notebook} failed in cell {Cell}{(Line is null ? "" : $", line {Line}")}: {ErrorName}: {Message}";
}

/// <summary>One executed notebook: the notebook with its outputs (partial after a failure), the time and the failure if any.</summary>
public sealed record NotebookRunResult(Notebook Notebook, TimeSpan Duration, NotebookFailure? Failure, bool ParametersInjected)
{
    public bool Succeeded => Failure is null;
}
