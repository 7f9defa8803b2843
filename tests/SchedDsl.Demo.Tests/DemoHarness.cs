namespace SchedDsl.Demo.Tests;

/// <summary>Runs the demo app's command line in-process and captures what it prints.</summary>
internal static class DemoHarness
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await DemoApp.RunAsync(args, stdout, stderr);
        return (exitCode, stdout.ToString().Trim(), stderr.ToString().Trim());
    }
}
