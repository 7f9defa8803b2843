namespace SchedDsl.Cli.Commands;

/// <summary>Bad input from the user: printed as one line on stderr, exit code 2, never a stack trace.</summary>
internal sealed class CliError(string message) : Exception(message)
{
    public const int ExitCode = 2;
}
