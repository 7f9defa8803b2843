
namespace SchedDsl.Cli.Commands;

/// <summary>
/// Runs a command body and turns every kind of bad input into a one-line message and exit code 2; a schedule text
/// that does not parse gives one such line per problem, each followed by the text's line with a caret under the
/// problem (<see cref="CliTextError"/>).
/// </summary>
internal static class CliRunner
{
    public static int Run(TextWriter stderr, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception error) when (error is CliError or CliTextError or SchedParseException or SchedArgumentException
            or ArgumentException or InvalidDataException or System.Text.Json.JsonException or IOException
            or UnauthorizedAccessException)
        {
            // ArgumentException appends " (Parameter 'x')"; our messages already name the parameter.
            var message = error is ArgumentException { ParamName: { } name }
                ? error.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
                : error.Message;
            if (error is CliTextError text)
            {
                // One error line per problem, each with its echo and caret, as a compiler lists its errors.
                foreach (var line in text.Lines)
                {
                    stderr.WriteLine(line);
                }
                return CliError.ExitCode;
            }
            stderr.WriteLine($"error: {OneLine(message)}");
            return CliError.ExitCode;
        }
    }

    /// <summary>Exactly one line, whatever the message holds: line breaks become "; ".</summary>
    public static string OneLine(string message) =>
        string.Join("; ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
