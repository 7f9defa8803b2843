using System.CommandLine;
using SchedDsl.Cli.Commands;

namespace SchedDsl.Cli;

/// <summary>The <c>schedsl</c> command tree, runnable in-process with any output writers (tests use string writers).</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("schedsl: evaluate, check and plot SchedDsl schedules.")
        {
            EvalCommand.Create(stdout, stderr),
            SuggestCommand.Create(stdout, stderr),
            PlotCommand.Create(stdout, stderr),
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
                : parsed.Errors[0].Message;
            await stderr.WriteLineAsync($"error: {CliRunner.OneLine(message)}").ConfigureAwait(false);
            return CliError.ExitCode;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }

    private static string Commands(RootCommand root) => string.Join(", ", root.Subcommands.Select(c => c.Name));
}
