namespace SchedDsl;

/// <summary>
/// Thrown when a schedule is built from an invalid argument: which function, which parameter, and what is wrong
/// (the value received and the allowed range), e.g. <c>one_cycle: div must be &gt; 0, got 0</c>.
/// </summary>
/// <remarks>
/// The same rules, with the same messages, reject schedule text (<see cref="SchedParseException"/>, which adds the
/// position) and <c>[SchedText]</c> at compile time (diagnostic SCHED003).
/// </remarks>
public sealed class SchedArgumentException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="function"/>'s <paramref name="parameter"/>.</summary>
    /// <param name="function">The schedule function's text-form name, e.g. <c>one_cycle</c>.</param>
    /// <param name="parameter">The parameter's text-form name, with an index for a list item, e.g. <c>scales[2]</c>.</param>
    /// <param name="problem">What is wrong, e.g. <c>must be &gt; 0, got 0</c>.</param>
    public SchedArgumentException(string function, string parameter, string problem)
        : base($"{function}: {parameter} {problem}", parameter)
    {
        Function = function;
        Problem = problem;
    }

    /// <summary>Creates the exception with a bare message.</summary>
    public SchedArgumentException(string message) : base(message) => (Function, Problem) = ("", message);

    /// <summary>Creates the exception with a bare message and an inner exception.</summary>
    public SchedArgumentException(string message, Exception innerException) : base(message, innerException) => (Function, Problem) = ("", message);

    /// <summary>Creates the exception with no message.</summary>
    public SchedArgumentException() => (Function, Problem) = ("", "");

    /// <summary>The schedule function (its text-form name, e.g. <c>one_cycle</c>) that rejected the argument.</summary>
    public string Function { get; }

    /// <summary>What is wrong with the argument, without the function and parameter: <c>must be &gt; 0, got 0</c>.</summary>
    public string Problem { get; }

    /// <inheritdoc />
    public override string Message => Function.Length > 0 && ParamName is { } parameter ? $"{Function}: {parameter} {Problem}" : base.Message;
}
