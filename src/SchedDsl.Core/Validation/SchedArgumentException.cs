namespace SchedDsl.Validation;

/// <summary>
/// Thrown when a schedule is built from an invalid argument. The message names the schedule function,
/// the parameter, the value received and the allowed range.
/// </summary>
public sealed class SchedArgumentException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="function"/>'s <paramref name="parameter"/>.</summary>
    public SchedArgumentException(string function, string parameter, string problem)
        : base($"{function}: {parameter} {problem}", parameter)
    {
        Function = function;
    }

    /// <summary>Creates the exception with a bare message.</summary>
    public SchedArgumentException(string message) : base(message) => Function = "";

    /// <summary>Creates the exception with a bare message and an inner exception.</summary>
    public SchedArgumentException(string message, Exception innerException) : base(message, innerException) => Function = "";

    /// <summary>Creates the exception with no message.</summary>
    public SchedArgumentException() => Function = "";

    /// <summary>The schedule function (in its text-form name, e.g. <c>one_cycle</c>) that rejected the argument.</summary>
    public string Function { get; }
}
