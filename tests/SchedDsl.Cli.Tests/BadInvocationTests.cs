using SchedDsl.Cli.Commands;
using Xunit;

namespace SchedDsl.Cli.Tests;

/// <summary>
/// Every bad invocation the issue-12 sweep found, and their neighbours: exit code 2, exactly one line
/// <c>error: …</c> on stderr that says what is allowed (a schedule text that does not parse is echoed below it with a
/// caret: <see cref="ErrorOutput"/>), nothing on stdout, no stack trace, no hang.
/// </summary>
public sealed class BadInvocationTests
{
    private static readonly string Folder = Path.GetTempPath().TrimEnd('/');

    public static TheoryData<string[], string> Cases()
    {
        return new TheoryData<string[], string>
        {
            // Paths that are folders or cannot be written (UnauthorizedAccessException, IOException).
            { ["suggest", Folder], "is a folder" },
            { ["plot", "cos(0,1)", "-o", Folder], "is a folder" },
            { ["plot", "cos(0,1)", "-o", "/proc/no-such-folder/sched.png"], "error: " },
            { ["suggest", "/no/such/curve.json"], "error: " },
            // --steps and --groups: bounded, and a non-number says what is allowed (not System.Nullable`1[...]).
            { ["eval", "cos(0,1)", "--steps", "2147483647"], $"--steps must be an integer in [1, {CliLimits.MaxSteps}], got '2147483647'" },
            { ["eval", "cos(0,1)", "--steps", "2000000000"], $"--steps must be an integer in [1, {CliLimits.MaxSteps}], got '2000000000'" },
            { ["plot", "cos(0,1)", "-o", "x.png", "--steps", "2000000000"], $"--steps must be an integer in [1, {CliLimits.MaxSteps}]" },
            { ["eval", "cos(0,1)", "--steps", "abc"], $"--steps must be an integer in [1, {CliLimits.MaxSteps}], got 'abc'" },
            { ["eval", "cos(0,1)", "--steps", "0"], "--steps must be an integer in [1, " },
            { ["eval", "cos(0,1)", "--steps", "-3"], "--steps must be an integer in [1, " },
            { ["eval", "slice(1e-3)", "--groups", "abc"], $"--groups must be an integer in [1, {CliLimits.MaxGroups}], got 'abc'" },
            { ["eval", "slice(1e-3)", "--groups", "2000000000"], $"--groups must be an integer in [1, {CliLimits.MaxGroups}]" },
            // Commands.
            { ["foo"], "unknown command 'foo'; the commands are eval, suggest, plot" },
            // The training demo is its own app (src/SchedDsl.Demo), no longer a command of the tool.
            { ["demo"], "unknown command 'demo'; the commands are eval, suggest, plot" },
            { ["eval"], "error: eval needs the <schedule> argument; usage: schedsl eval <schedule> [options], e.g. schedsl eval \"one_cycle(1e-2)\" --steps 10" },
            { ["plot"], "error: plot needs the <schedule> argument; usage: schedsl plot <schedule> [options], e.g. schedsl plot \"cyclic(1e-3, 1e-2, 4)\" -o sched.png" },
            { ["plot", "-o", "x.png"], "plot needs the <schedule> argument" },
            { ["eval", "cos(0,1)", "extra"], "'extra'" },
            // Schedule texts.
            { ["eval", "cosine(0,1)"], "unknown function 'cosine'; did you mean 'cos'?" },
            { ["eval", "cos(0,"], "line 1, column 7: " },
            { ["eval", "lr_finder(1e-300, 1e9)"], "lr_finder: " },
            { ["eval", "slice(1e-300, 1e10)", "--groups", "3"], "slice: " },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_invocation_is_one_error_line_on_stderr_and_exit_code_2(string[] args, string message)
    {
        var (exitCode, stdout, stderr) = await CliHarness.Run(args).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        AssertOneErrorLine(stderr, message);
    }

    [Fact]
    public async Task No_arguments_print_the_usage_and_one_error_line()
    {
        var (exitCode, stdout, stderr) = await CliHarness.Run();
        Assert.Equal(2, exitCode);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        AssertOneErrorLine(stderr, "no command given; the commands are eval, suggest, plot");
    }

    [Theory]
    [InlineData("cos(0,", "error: line 1, column 7: expected a number, '[' or a function name, found end of text", "  cos(0,", "        ^")]
    [InlineData("one_cycle(0.01, pct_strat=0.3)", "error: line 1, column 17: one_cycle has no parameter 'pct_strat'; did you mean 'pct_start'? Its parameters are lr_max, div, div_final, pct_start",
        "  one_cycle(0.01, pct_strat=0.3)", "                  ^^^^^^^^^")]
    [InlineData("one_cycle(0.01,\n\tdiv=0)", "error: line 2, column 6: one_cycle: div must be > 0, got 0", "   div=0)", "       ^")]
    [InlineData("", "error: line 1, column 1: expected a number, '[' or a function name, found end of text", "  ", "  ^")]
    public async Task A_schedule_text_that_does_not_parse_is_echoed_with_a_caret_under_the_column(string text, string error, string echo, string caret)
    {
        // The text's line (a tab shows as a space, so the caret lines up), then a caret under each offending character.
        var (exitCode, stdout, stderr) = await CliHarness.Run("eval", text);
        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.Equal([error, echo, caret], stderr.Split('\n'));
        ErrorOutput.Check(stderr, "");
    }

    [Fact]
    public async Task A_schedule_text_with_several_problems_names_each_with_its_own_echo_and_caret()
    {
        // Issue 19: both problems, in text order, each an error line of its own (the tool's one-line-per-error rule).
        var (exitCode, stdout, stderr) = await CliHarness.Run("eval", "one_cycle(0.01, div=0, pct_start=2)");
        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.Equal(
            [
                "error: line 1, column 21: one_cycle: div must be > 0, got 0",
                "  one_cycle(0.01, div=0, pct_start=2)",
                "                      ^",
                "error: line 1, column 34: one_cycle: pct_start must be in [0, 1], got 2",
                "  one_cycle(0.01, div=0, pct_start=2)",
                "                                   ^",
            ],
            stderr.Split('\n'));
        ErrorOutput.Check(stderr, "div must be > 0");
    }

    [Fact]
    public async Task A_long_line_is_echoed_around_the_error()
    {
        var text = "combine([0.5, 0.5], [" + string.Concat(Enumerable.Repeat("lin(0, 1), ", 30)) + "coss(0, 1)])";
        var (_, _, stderr) = await CliHarness.Run("eval", text);
        var lines = stderr.Split('\n');
        Assert.StartsWith("error: line 1, column 352: unknown function 'coss'", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  …", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[1].IndexOf("coss", StringComparison.Ordinal), lines[2].IndexOf('^', StringComparison.Ordinal));
        Assert.Equal("^^^^", lines[2].Trim());
        Assert.InRange(lines[1].Length, 2, 2 + Commands.CliTextError.Window + 2);
    }

    private static void AssertOneErrorLine(string stderr, string message) => ErrorOutput.Check(stderr, message);
}
