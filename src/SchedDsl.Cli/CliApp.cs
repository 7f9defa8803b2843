using System.CommandLine;
using SchedDsl.Cli.Commands;

namespace SchedDsl.Cli;

/// <summary>The <c>schedsl</c> command tree, runnable in-process with any output writers (tests use string writers).</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("schedsl: evaluate, check and plot SchedDsl schedules, and predict their loss curves.")
        {
            EvalCommand.Create(stdout, stderr),
            SuggestCommand.Create(stdout, stderr),
            PlotCommand.Create(stdout, stderr),
            PredictCommand.Create(stdout, stderr),
        };
        if (args.Length == 0)
        {
            // No command: the usage on stdout, one error line on stderr, exit 2 (a mistake, not a help request).
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
            await stderr.WriteLineAsync($"error: no command given; the commands are {Commands(root)}").ConfigureAwait(false);
            return CliError.ExitCode;
        }
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, however many errors System.CommandLine found: the first is the one to fix first.
            var message = parsed.CommandResult.Command == root && parsed.UnmatchedTokens.Count > 0
                ? $"unknown command '{parsed.UnmatchedTokens[0]}'; the commands are {Commands(root)} (schedsl --help)"
                : MissingArgument(parsed) ?? parsed.Errors[0].Message;
            await stderr.WriteLineAsync($"error: {CliRunner.OneLine(message)}").ConfigureAwait(false);
            return CliError.ExitCode;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }

    private static string Commands(RootCommand root) => string.Join(", ", root.Subcommands.Select(c => c.Name));

    /// <summary>A command line that works, per command, shown when a required argument is missing.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["eval"] = EvalCommand.Example,
        ["plot"] = PlotCommand.Example,
        ["predict"] = PredictCommand.Example,
    };

    /// <summary>
    /// For a command whose required argument is missing, which one, the usage and an example (System.CommandLine
    /// says only "Required argument missing for command: 'eval'."); null otherwise.
    /// </summary>
    private static string? MissingArgument(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var missing = command.Arguments.FirstOrDefault(a =>
            a.Arity.MinimumNumberOfValues > 0 && parsed.GetResult(a) is not { Tokens.Count: > 0 });
        if (missing is null)
        {
            return null;
        }
        var usage = $"schedsl {command.Name} {string.Join(' ', command.Arguments.Select(a => $"<{a.Name}>"))} [options]";
        var example = Examples.TryGetValue(command.Name, out var line) ? $", e.g. {line}" : "";
        return $"{command.Name} needs the <{missing.Name}> argument; usage: {usage}{example}";
    }
}
