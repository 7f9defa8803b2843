#nullable enable
namespace SchedDsl.Text;

/// <summary>
/// Carries a <see cref="TextError"/> out of the binder or an <see cref="ISchedBuilder{T}"/>; the <c>SchedBinder</c>
/// entry points catch it and return the error.
/// </summary>
#pragma warning disable CA1032 // always carries an error: no parameterless or message-only constructors
internal sealed class TextErrorException : System.Exception
#pragma warning restore CA1032
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public TextErrorException(TextError error)
        : this(new[] { error }) { }

    /// <summary>Creates the exception for every problem in <paramref name="errors"/> (at least one).</summary>
    public TextErrorException(TextError[] errors)
        : base(errors?[0]?.Message) => Errors = errors!;

    /// <summary>What is wrong and where: the first problem.</summary>
    public TextError Error => Errors[0];

    /// <summary>Every problem, in text order.</summary>
    public TextError[] Errors { get; }
}
