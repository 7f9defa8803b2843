using System.Text.Json;
using Xunit;

namespace SchedDsl.Cli.Tests;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task Steps_print_values_at_i_over_n()
    {
        var (exitCode, stdout, stderr) = await CliHarness.Run("eval", "lin(0, 2)", "--steps", "4");
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Equal([0.0, 0.5, 1.0, 1.5], JsonSerializer.Deserialize<double[]>(stdout)!);
    }

    [Fact]
    public async Task At_prints_values_at_given_positions()
    {
        // Seed: SchedCos(0, 2) at 0.25 is 0.29289 (to 5 decimals).
        var (exitCode, stdout, _) = await CliHarness.Run("eval", "cos(0,2)", "--at", "0,0.25,1");
        Assert.Equal(0, exitCode);
        var values = JsonSerializer.Deserialize<double[]>(stdout)!;
        Assert.Equal(0.0, values[0], 1e-12);
        Assert.Equal(0.29289, values[1], 1e-5);
        Assert.Equal(2.0, values[2], 1e-12);
    }

    [Fact]
    public async Task Groups_print_one_array_per_position()
    {
        var (exitCode, stdout, _) = await CliHarness.Run("eval", "slice(0.003)", "--groups", "3", "--at", "0.5");
        Assert.Equal(0, exitCode);
        var values = JsonSerializer.Deserialize<double[][]>(stdout)!;
        Assert.Single(values);
        Assert.Equal(0.0003, values[0][0], 1e-15);
        Assert.Equal(0.003, values[0][2], 1e-15);
    }

    [Fact]
    public async Task Numbers_print_in_the_one_round_trip_format_with_a_lower_case_exponent()
    {
        // The same format as suggest's output and the text form: shortest round trip, invariant, "4e-06" not "4E-06".
        var (exitCode, stdout, _) = await CliHarness.Run("eval", "lin(0, 8e-6)", "--steps", "2");
        Assert.Equal(0, exitCode);
        Assert.Equal("[0,4e-06]", stdout);
        var (_, grouped, _) = await CliHarness.Run("eval", "[1e-5, 0.1]", "--groups", "2", "--at", "1");
        Assert.Equal("[[1e-05,0.1]]", grouped);
    }

    [Theory]
    [InlineData(new[] { "eval", "cos(0,", "--steps", "3" }, "error: ")]
    [InlineData(new[] { "eval", "one_cycle(0.01, div=0)" }, "div must be > 0, got 0")]
    [InlineData(new[] { "eval", "cos(0,1)", "--at", "0,1.5" }, "--at item 2 must be in [0, 1], got 1.5")]
    [InlineData(new[] { "eval", "cos(0,1)", "--steps", "0" }, "--steps must be an integer in [1, 1000000], got '0'")]
    [InlineData(new[] { "eval", "slice(0.01)" }, "pass --groups G")]
    [InlineData(new[] { "eval", "[0.1, 0.2]", "--groups", "3" }, "has 2 values but there are 3 parameter groups")]
    [InlineData(new[] { "eval" }, "error: ")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string[] args, string message)
    {
        var (exitCode, stdout, stderr) = await CliHarness.Run(args);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        ErrorOutput.Check(stderr, message);
    }
}
