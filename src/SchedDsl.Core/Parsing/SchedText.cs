using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace SchedDsl.Text;

/// <summary>The text form at a LanguageExt boundary: parse results as <see cref="Fin{A}"/> instead of exceptions.</summary>
[CLSCompliant(false)]
public static class SchedText
{
    /// <summary>Parses <paramref name="text"/>; a failure carries the <see cref="SchedParseException"/> message (line, column, expected).</summary>
    public static Fin<Sched> Parse(string text, params AnnealerFactory[] customAnnealers)
    {
        try
        {
            return FinSucc(Sched.Parse(text, customAnnealers));
        }
        catch (SchedParseException error)
        {
            return FinFail<Sched>(Error.New(error));
        }
    }
}
