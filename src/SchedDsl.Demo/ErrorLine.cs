
namespace SchedDsl.Demo;

/// <summary>Runs the demo and turns every kind of bad input into a one-line message and exit code 2.</summary>
internal static class ErrorLine
{
    public static int Run(TextWriter stderr, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception error) when (error is DemoError or SchedParseException or SchedArgumentException or Torch.CheckpointException
            or ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // ArgumentException appends " (Parameter 'x')"; our messages already name the parameter.
            var message = error is ArgumentException { ParamName: { } name }
                ? error.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
                : error.Message;
            stderr.WriteLine($"error: {OneLine(message)}");
            return DemoError.ExitCode;
        }
    }

    /// <summary>Exactly one line, whatever the message holds: line breaks become "; ".</summary>
    public static string OneLine(string message) =>
        string.Join("; ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
