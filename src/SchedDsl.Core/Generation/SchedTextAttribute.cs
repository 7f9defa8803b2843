namespace SchedDsl.Generation;

/// <summary>
/// A schedule written in SchedDsl's text form on a partial property of type <see cref="Sched"/>; the source generator
/// parses it during compilation and implements the property with code that builds the schedule directly.
/// </summary>
/// <remarks>
/// A syntax or range error in the text is a compiler error at the string (SDSL004), with the parser's message; no
/// parsing happens at run time. Works on static partial properties of any partial type and on instance properties
/// of generated schedulers (as the default value). Thread-safety: read by the compiler only.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SchedTextAttribute : Attribute
{
    /// <summary>A schedule in text form, e.g. <c>one_cycle(0.01)</c>.</summary>
    /// <param name="text">The schedule text, checked by the compiler.</param>
    public SchedTextAttribute(string text) => Text = text;

    /// <summary>The schedule text.</summary>
    public string Text { get; }

    /// <summary>
    /// The number of parameter groups a per-group list must have, or 0 (the default) to take the containing
    /// scheduler's <c>Groups</c>, or to allow any count.
    /// </summary>
    public int Groups { get; set; }
}
