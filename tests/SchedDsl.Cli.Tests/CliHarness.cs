namespace SchedDsl.Cli.Tests;

/// <summary>Runs <c>schedsl</c> in-process and captures what it prints.</summary>
internal static class CliHarness
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr);
        return (exitCode, stdout.ToString().Trim(), stderr.ToString().Trim());
    }
}
