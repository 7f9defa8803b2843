using SchedDsl.Tests.Shared;
using Xunit;

namespace SchedDsl.Cli.Tests;

/// <summary>
/// Issue 12's CLI sweep as a test: random command lines built from the tokens users type (right and wrong) either
/// succeed (exit 0, at most warnings on stderr) or fail with exit 2 and exactly one <c>error:</c> line (with the
/// text and a caret below it for a schedule text that does not parse: <see cref="ErrorOutput"/>); never a
/// stack trace, never another exit code. 200 command lines on CI, 20,000 under <c>SCHEDDSL_SWEEP=large</c>.
/// <c>suggest</c> always gets a FILE (stdin would block).
/// </summary>
public sealed class CliSweepTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("schedsl-sweep-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly string[] Schedules =
    [
        "cos(0,1)", "one_cycle(1e-2)", "slice(1e-3)", "[0.1, 0.2]", "lin(0, 8e-6)", "cos(0,", "cosine(0,1)",
        "lr_finder(1e-300, 1e9)", "one_cycle(slice(1e-4, 1e-2), pct_start=0.3)", "exp(0, 1)", "", "((", "1e999",
        "combine([0.5, 0.5], [cos(1, 0), lin(0, 1)])", "sgdr(0.01, 1e10)",
    ];

    private static readonly string[] OptionValues = ["3", "0", "-1", "abc", "2147483647", "2000000000", "1000", "0,0.5,1", "1.5", "x", "svg", "png", "gif", ""];

    private static readonly string[] Options = ["--steps", "--at", "--groups", "--format", "-o", "--output", "--trim", "--nope", "-h"];

    private string[] CommandLine(Random random)
    {
        string Pick(string[] items) => items[random.Next(items.Length)];
        var command = Pick(["eval", "plot", "suggest", "foo", "Eval", "--version"]);
        var args = new List<string> { command };
        args.Add(command == "suggest" ? Pick(SuggestFiles()) : Pick(Schedules));
        for (var i = random.Next(4); i > 0; i--)
        {
            var option = Pick(Options);
            args.Add(option);
            if (option is "-o" or "--output")
            {
                args.Add(Pick([Path.Combine(folder, "s.png"), Path.Combine(folder, "s.svg"), folder, "/proc/none/s.png"]));
            }
            else if (random.Next(5) > 0)
            {
                args.Add(Pick(OptionValues));
            }
        }
        return [.. args];
    }

    private string[] SuggestFiles()
    {
        var curve = Path.Combine(folder, "curve.json");
        if (!File.Exists(curve))
        {
            var lrs = Enumerable.Range(0, 40).Select(i => (1e-7 * Math.Pow(1.5, i)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            var losses = Enumerable.Range(0, 40).Select(i => (2 - Math.Sin(i / 12.0)).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            File.WriteAllText(curve, $"{{\"lrs\":[{string.Join(',', lrs)}],\"losses\":[{string.Join(',', losses)}],\"num_it\":40}}");
            File.WriteAllText(Path.Combine(folder, "bad.json"), "{\"lrs\":[1,2],\"losses\":[1]");
            File.WriteAllText(Path.Combine(folder, "short.json"), "{\"lrs\":[1e-3,1e-2],\"losses\":[1,0.5]}");
        }
        return [curve, Path.Combine(folder, "bad.json"), Path.Combine(folder, "short.json"), folder, "/no/such.json"];
    }

    [Fact]
    public async Task Random_command_lines_succeed_or_give_one_error_line_and_exit_code_2()
    {
        var random = new Random(12);
        var count = Sweep.Count(200, 20_000);
        for (var i = 0; i < count; i++)
        {
            var args = CommandLine(random);
            var (exitCode, stdout, stderr) = await CliHarness.Run(args).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            var shown = string.Join(' ', args.Select(a => $"'{a}'"));
            Assert.True(exitCode is 0 or 2, $"{shown}: exit code {exitCode}");
            Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
            var lines = stderr.Length == 0 ? [] : stderr.Split('\n');
            if (exitCode == 2)
            {
                Assert.True(ErrorOutput.Follows(stderr), $"{shown}: stderr {stderr}");
            }
            else
            {
                Assert.True(lines.All(l => l.StartsWith("warning: ", StringComparison.Ordinal)), $"{shown}: stderr {stderr}");
            }
        }
    }
}
