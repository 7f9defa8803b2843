namespace SchedDsl.Demo;

/// <summary>Bad input from the user or a missing prerequisite: printed as one line on stderr, exit code 2, never a stack trace.</summary>
internal sealed class DemoError(string message) : Exception(message)
{
    public const int ExitCode = 2;
}
