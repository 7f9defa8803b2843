using SchedDsl.Cli.Commands;
using Xunit;

namespace SchedDsl.Cli.Tests;

/// <summary>
/// Every bad invocation the issue-12 sweep found, and their neighbours: exit code 2, exactly one line
/// <c>error: …</c> on stderr that says what is allowed, nothing on stdout, no stack trace, no hang.
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
            { ["eval"], "error: " },
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

    private static void AssertOneErrorLine(string stderr, string message)
    {
        var lines = stderr.Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", lines[0].Replace("at every", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
