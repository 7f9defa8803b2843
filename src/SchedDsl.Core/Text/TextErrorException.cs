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
        : base(error?.Message) => Error = error!;

    /// <summary>What is wrong and where.</summary>
    public TextError Error { get; }
}
