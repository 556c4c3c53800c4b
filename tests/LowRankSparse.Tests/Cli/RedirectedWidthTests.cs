using LowRankSparse.Cli;

namespace LowRankSparse.Tests.Cli;

/// <summary>Tables printed to a file or pipe are laid out at $COLUMNS or 160 columns, not Spectre.Console's 80 (the verdict and bench tables
/// wrapped into cells one or two words wide in logs).</summary>
public class RedirectedWidthTests
{
    [Theory]
    [InlineData(null, Entry.DefaultRedirectedWidth)]
    [InlineData("", Entry.DefaultRedirectedWidth)]
    [InlineData("120", 120)]
    [InlineData("40", 40)]
    [InlineData("1000", 1000)]
    [InlineData("39", Entry.DefaultRedirectedWidth)]
    [InlineData("1001", Entry.DefaultRedirectedWidth)]
    [InlineData("-100", Entry.DefaultRedirectedWidth)]
    [InlineData("wide", Entry.DefaultRedirectedWidth)]
    public void The_width_comes_from_COLUMNS_when_it_is_sensible(string? columns, int expected) =>
        Assert.Equal(expected, Entry.RedirectedWidth(columns));
}
