using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class MarkdownTableTests
{
    [Fact]
    public void Writes_header_rule_and_rows_with_pipes_escaped()
    {
        var table = new MarkdownTable("arm", "accuracy");
        table.Add("a|b", "88.00 ± 0.10 %");
        Assert.Equal("| arm | accuracy |\n| --- | --- |\n| a\\|b | 88.00 ± 0.10 % |\n", table.ToString());
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MarkdownTable("one", "two").Add("only one"));
}
