using System.Diagnostics.CodeAnalysis;
using SchedDsl.Text;

namespace SchedDsl;

public abstract partial record AdaptiveSched
{
    /// <summary>
    /// Parses an adaptive schedule's text form, e.g.
    /// <c>combine([0.1, 0.7, 0.2], [lin(1e-4, 1e-3), plateau(1e-3, factor=0.5, patience=2), from_current(cooldown_sqrt(1))])</c>:
    /// the inverse of <see cref="ToString"/>. Planned parts are any text <see cref="Sched.Parse"/> accepts.
    /// </summary>
    /// <exception cref="SchedParseException">Malformed text, an invalid value, or a planned schedule (use <see cref="Sched.Parse"/>); with line, column and what is wrong.</exception>
    public static AdaptiveSched Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (node, error) = SyntaxParser.Parse(text);
        if (node is null)
        {
            throw new SchedParseException(text, [error!]);
        }
        try
        {
            return AdaptiveText.Bind(node);
        }
        catch (TextErrorException e)
        {
            throw new SchedParseException(text, e.Errors);
        }
    }

    /// <summary>Parses an adaptive schedule's text form; false (and null) where <see cref="Parse"/> would throw.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out AdaptiveSched? sched)
    {
        try
        {
            sched = text is null ? null : Parse(text);
        }
        catch (SchedParseException)
        {
            sched = null;
        }
        return sched is not null;
    }

    /// <summary>
    /// True when <paramref name="text"/> is written as an adaptive schedule (a <c>plateau</c>, <c>greedy</c>, or a
    /// <c>combine</c> with a metric-driven or <c>from_current</c> phase), whether or not its values are valid: tells a
    /// caller that takes either kind (the <c>schedsl</c> tool, the demo) which parser to use.
    /// </summary>
    public static bool IsAdaptiveText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SyntaxParser.Parse(text).Node is { } node && AdaptiveText.IsAdaptive(node);
    }
}
