using LanguageExt;

namespace SchedDsl;

public abstract partial record Sched
{
    /// <summary>
    /// Parses the text form for functional callers: <c>Success</c> with the schedule, or <c>Fail</c> with every problem
    /// in the text, in text order (<see cref="SchedParseError"/>: line, column, what is wrong). Never throws on bad text.
    /// </summary>
    /// <remarks>
    /// LanguageExt's <c>Validation</c> collects failures applicatively, so problems in several texts add up instead of
    /// stopping at the first text that fails: <c>(Sched.Validate(lr), Sched.Validate(mom)).Apply((lr, mom) => …)</c>
    /// is <c>Fail</c> with the problems of both. <see cref="Parse"/> gives the same problems as one
    /// <see cref="SchedParseException"/>; <see cref="TryParse(string, out Sched?)"/> drops them.
    /// </remarks>
    /// <param name="text">The schedule text.</param>
    /// <param name="customAnnealers">User annealers the text may call by name, as for <see cref="Parse"/>.</param>
    [CLSCompliant(false)] // LanguageExt.Core is not marked CLS-compliant; the rest of Core is.
    public static Validation<SchedParseError, Sched> Validate(string text, params AnnealerFactory[] customAnnealers)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The shared binder collects the problems in a plain list (it is compiled into the source generator too, where
        // LanguageExt cannot go); they become a Validation here, at Core's public boundary.
        var (sched, errors) = Build(text, customAnnealers);
        return sched is not null
            ? Validation<SchedParseError, Sched>.Success(sched)
            : Validation<SchedParseError, Sched>.Fail(errors.Select(error => SchedParseError.Of(text, error)).ToSeq());
    }
}
