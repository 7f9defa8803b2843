using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void No_flag_is_the_default_budget_into_out_experiments()
    {
        var command = CommandLine.Parse([], TextWriter.Null)!;
        Assert.Same(Budget.Default, command.Budget);
        Assert.Equal("out/experiments", command.OutputDirectory);
        Assert.False(command.Sequential);
        Assert.All(CommandLine.AllParts, part => Assert.True(command.Runs(part)));
    }

    [Fact]
    public void Only_runs_the_parts_named()
    {
        var command = CommandLine.Parse(["--only", "anytime"], TextWriter.Null)!;
        Assert.True(command.Runs(CommandLine.Anytime));
        Assert.False(command.Runs(CommandLine.Seeds));
        Assert.True(CommandLine.Parse(["--only", "seeds, anytime"], TextWriter.Null)!.Runs(CommandLine.Seeds));
    }

    [Fact]
    public void Flags_pick_the_budget_folder_and_mode()
    {
        var command = CommandLine.Parse(["--quick", "--out", "/tmp/x", "--sequential"], TextWriter.Null)!;
        Assert.Same(Budget.Quick, command.Budget);
        Assert.Equal("/tmp/x", command.OutputDirectory);
        Assert.True(command.Sequential);
        Assert.Same(Budget.Full, CommandLine.Parse(["--full"], TextWriter.Null)!.Budget);
    }

    [Theory]
    [InlineData("--quick", "--full")]
    [InlineData("--out")]
    [InlineData("--epochs", "3")]
    [InlineData("--only")]
    [InlineData("--only", "cooldowns")]
    [InlineData("--only", ",")]
    public void Bad_arguments_print_the_usage_and_give_null(params string[] args)
    {
        var error = new StringWriter();
        Assert.Null(CommandLine.Parse(args, error));
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_budget_has_at_least_two_seeds_and_the_documented_ones_three() =>
        Assert.All([Budget.Quick, Budget.Default, Budget.Full], b => Assert.InRange(b.Seeds.Count, b == Budget.Quick ? 2 : 3, int.MaxValue));
}
