namespace LowRankSparse.Util;

/// <summary>Collects every problem of a config before any work starts, so the user sees them all at once.</summary>
public sealed class Validator
{
    private readonly List<string> _errors = new();

    public IReadOnlyList<string> Errors => _errors;

    public void Require(bool ok, string field, object? value, string allowed)
    {
        if (!ok) _errors.Add($"{field} = {ConfigException.Format(value)}: {allowed}");
    }

    public void Positive(int value, string field) => Require(value > 0, field, value, "must be a positive integer (≥ 1)");

    public void Positive(double value, string field) =>
        Require(value > 0 && double.IsFinite(value), field, value, "must be a finite number > 0");

    public void NonNegative(double value, string field) =>
        Require(value >= 0 && double.IsFinite(value), field, value, "must be a finite number ≥ 0");

    public void Fraction(double value, string field) =>
        Require(value >= 0 && value <= 1, field, value, "must be a fraction in [0, 1]");

    public void ThrowIfAny()
    {
        if (_errors.Count == 1) throw new ConfigException(_errors[0]);
        if (_errors.Count > 1)
            throw new ConfigException($"{_errors.Count} problems in the configuration:\n  - " + string.Join("\n  - ", _errors));
    }
}
