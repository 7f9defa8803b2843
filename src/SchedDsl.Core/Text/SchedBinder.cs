#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// Checks parsed schedule text against <see cref="FunctionTable"/> — known functions, argument names, counts,
/// kinds and ranges, with fastai's defaults — and hands the result to an <see cref="ISchedBuilder{T}"/>.
/// </summary>
/// <remarks>
/// Shared by <c>Sched.Parse</c> (run time) and the source generator (compile time), so both report the same
/// messages, which are also the messages of Core's factories (<see cref="Rules"/>). Never throws on bad text: every
/// problem comes back as a <see cref="TextError"/>. Thread-safety: stateless; safe from any thread.
/// </remarks>
internal static class SchedBinder
{
    private static readonly HashSet<string> NoCustomAnnealers = new();

    /// <summary>Parses, checks and builds <paramref name="text"/>; exactly one of the results is set.</summary>
    /// <param name="text">The schedule text.</param>
    /// <param name="builder">What to build.</param>
    /// <param name="customAnnealers">Names of user annealers that may be called like <c>lin(start, end)</c>.</param>
    public static (T? Value, TextError? Error) Bind<T>(string text, ISchedBuilder<T> builder, IEnumerable<string>? customAnnealers = null)
    {
        var (node, syntaxError) = SyntaxParser.Parse(text);
        return node is null ? (default, syntaxError) : Bind(node, builder, customAnnealers);
    }

    /// <summary>Checks and builds an already parsed <paramref name="node"/> (text, or JSON read into the same tree); exactly one of the results is set.</summary>
    /// <remarks>
    /// The parts of a list of schedules are built as soon as each is checked (so a long <c>combine</c> never holds a
    /// whole bound tree beside its syntax tree): where text has both, a problem the builder finds in an earlier part is
    /// reported before a problem the binder finds later, in text order, as the JSON reader reports them.
    /// </remarks>
    public static (T? Value, TextError? Error) Bind<T>(SyntaxNode node, ISchedBuilder<T> builder, IEnumerable<string>? customAnnealers = null)
    {
        var binder = new Binder(Custom(customAnnealers), part => Build(part, builder)!);
        try
        {
            return (Build(binder.Sched(node), builder), null);
        }
        catch (TextErrorException failure)
        {
            return (default, failure.Error);
        }
    }

    /// <summary>Parses and checks <paramref name="text"/>; exactly one of the results is non-null.</summary>
    public static (BoundSched? Sched, TextError? Error) Bind(string text, IEnumerable<string>? customAnnealers = null)
    {
        var (node, syntaxError) = SyntaxParser.Parse(text);
        return node is null ? (null, syntaxError) : Bind(node, customAnnealers);
    }

    /// <summary>Checks an already parsed <paramref name="node"/>; exactly one of the results is non-null.</summary>
    public static (BoundSched? Sched, TextError? Error) Bind(SyntaxNode node, IEnumerable<string>? customAnnealers = null)
    {
        var binder = new Binder(Custom(customAnnealers));
        try
        {
            return (binder.Sched(node), null);
        }
        catch (TextErrorException error)
        {
            return (null, error.Error);
        }
    }

    private static HashSet<string> Custom(IEnumerable<string>? customAnnealers) =>
        customAnnealers is null ? NoCustomAnnealers : new HashSet<string>(customAnnealers);

    /// <summary>Builds a checked schedule bottom-up with <paramref name="builder"/>.</summary>
    /// <exception cref="TextErrorException">The builder rejected a value.</exception>
    public static T Build<T>(BoundSched sched, ISchedBuilder<T> builder)
    {
        if (sched is BoundConst constant)
        {
            return builder.Constant(constant.Value);
        }
        var call = (BoundCall)sched;
        List<T>? scheds = null;
        foreach (var argument in call.Arguments)
        {
            if (argument is BoundScheds nested)
            {
                scheds ??= new List<T>(nested.Count);
                if (nested.Built is { } built)
                {
                    foreach (var part in built)
                    {
                        scheds.Add((T)part);
                    }
                    continue;
                }
                foreach (var part in nested.Scheds)
                {
                    scheds.Add(Build(part, builder));
                }
            }
        }
        return builder.Call(call, scheds ?? (IReadOnlyList<T>)System.Array.Empty<T>());
    }
}
