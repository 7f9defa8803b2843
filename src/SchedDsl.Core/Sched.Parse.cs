using System.Diagnostics.CodeAnalysis;
using SchedDsl.Parsing;
using SchedDsl.Text;

namespace SchedDsl;

public abstract partial record Sched
{
    /// <summary>
    /// Parses the text form, e.g. <c>one_cycle(slice(1e-4, 1e-2), pct_start=0.3)</c>: the inverse of
    /// <see cref="ToString"/>, so <c>Sched.Parse(s.ToString()) == s</c>. Grammar and functions: docs/text-form.md.
    /// </summary>
    /// <param name="text">The schedule text.</param>
    /// <param name="customAnnealers">
    /// User annealers (<see cref="Annealer(string, SchedDsl.Annealer)"/>) the text may call by name, like <c>lin(start, end)</c>.
    /// A built-in name cannot be redefined.
    /// </param>
    /// <exception cref="SchedParseException">
    /// Malformed text or invalid values: every problem (<see cref="SchedParseException.Errors"/>), each with line,
    /// column, what was expected there and the factory's message. A syntax error stops the parse, so it comes alone.
    /// </exception>
    public static Sched Parse(string text, params AnnealerFactory[] customAnnealers)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (sched, errors) = Build(text, customAnnealers);
        return sched ?? throw new SchedParseException(text, errors);
    }

    /// <summary>Parses, checks and builds <paramref name="text"/> with the user annealers given: the schedule, or every problem.</summary>
    internal static (Sched? Sched, TextError[] Errors) Build(string text, AnnealerFactory[]? customAnnealers)
    {
        // Valid text, nearly every text, is read in one pass; text with a problem is read again by the binder, which
        // says what is wrong and where (and so is text that calls a user annealer).
        if (SchedTextReader.TryRead(text) is { } read)
        {
            return (read, []);
        }
        var custom = CustomAnnealers(customAnnealers);
        return SchedBinder.Bind(text, new SchedBuilder(custom), custom.Count == 0 ? null : custom.Keys);
    }

    /// <summary>Binds and builds a parsed node (an adaptive schedule's planned part): the schedule, or every problem.</summary>
    internal static (Sched? Sched, TextError[] Errors) Build(SyntaxNode node) =>
        SchedBinder.Bind(node, new SchedBuilder(NoCustomAnnealers));

    private static readonly Dictionary<string, AnnealerFactory> NoCustomAnnealers = new(StringComparer.Ordinal);

    /// <summary>User annealers by name; built-in names cannot be redefined.</summary>
    private static Dictionary<string, AnnealerFactory> CustomAnnealers(AnnealerFactory[]? customAnnealers)
    {
        if (customAnnealers is null or [])
        {
            // The common case allocates no table: nothing reads or writes the shared empty one.
            return NoCustomAnnealers;
        }
        var custom = new Dictionary<string, AnnealerFactory>(StringComparer.Ordinal);
        foreach (var factory in customAnnealers ?? [])
        {
            if (factory is not null && !FunctionTable.All.ContainsKey(factory.Name))
            {
                custom[factory.Name] = factory;
            }
        }
        return custom;
    }

    /// <summary>Parses the text form; false (and null) where <see cref="Parse"/> would throw.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Sched? sched) => TryParse(text, out sched, []);

    /// <summary>Parses the text form with user annealers; false (and null) where <see cref="Parse"/> would throw.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Sched? sched, params AnnealerFactory[] customAnnealers)
    {
        if (text is null)
        {
            sched = null;
            return false;
        }
        // No exception to throw and catch: the problems are simply dropped.
        (sched, _) = Build(text, customAnnealers);
        return sched is not null;
    }
}
