namespace SchedDsl.Testing;

/// <summary>A schedule broke a law of <see cref="SchedLaws"/>: the message names the law, the schedule's text, the group and the position.</summary>
/// <remarks>Thrown rather than returned so that a law reads as one line in any test framework, and in FsCheck's <c>Prop.ForAll</c> with an action.</remarks>
public sealed class SchedLawException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchedLawException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SchedLawException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public SchedLawException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a broken law.</summary>
    /// <param name="law">The law, e.g. <c>finite</c>.</param>
    /// <param name="schedule">The schedule's text form (the resolved group's where it has per-group values).</param>
    /// <param name="position">Where it broke, or null when not at a position (a round trip).</param>
    /// <param name="problem">What went wrong.</param>
    /// <param name="innerException">The exception that showed it, if any.</param>
    public SchedLawException(string law, string schedule, double? position, string problem, Exception? innerException = null)
        : base($"{law}: {schedule}{(position is { } pos ? $" at pos {pos.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}" : "")}: {problem}", innerException)
    {
        Law = law;
        Schedule = schedule;
        Position = position;
    }

    /// <summary>The law, e.g. <c>finite</c>; null when created without one.</summary>
    public string? Law { get; }

    /// <summary>The schedule's text form; null when created without one.</summary>
    public string? Schedule { get; }

    /// <summary>Where the law broke, or null.</summary>
    public double? Position { get; }
}
