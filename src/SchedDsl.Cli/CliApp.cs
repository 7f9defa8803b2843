using System.CommandLine;
using SchedDsl.Cli.Commands;

namespace SchedDsl.Cli;

/// <summary>The <c>schedsl</c> command tree, runnable in-process with any output writers (tests use string writers).</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("schedsl: evaluate, check and plot SchedDsl schedules; run the Fashion-MNIST demo.")
        {
            EvalCommand.Create(stdout, stderr),
            SuggestCommand.Create(stdout, stderr),
            PlotCommand.Create(stdout, stderr),
            DemoCliCommand.Create(stdout, stderr),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }
            return CliError.ExitCode;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }
}
