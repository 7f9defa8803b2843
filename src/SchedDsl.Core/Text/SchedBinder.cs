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
/// problem comes back as a <see cref="TextError"/>, all of them at once, as a compiler reports them (a syntax error
/// stops the parse, so it comes alone). Thread-safety: stateless; safe from any thread.
/// </remarks>
internal static class SchedBinder
{
    private static readonly HashSet<string> NoCustomAnnealers = new();

    /// <summary>Parses, checks and builds <paramref name="text"/>: the value, or every problem (then the value is default).</summary>
    /// <param name="text">The schedule text.</param>
    /// <param name="builder">What to build.</param>
    /// <param name="customAnnealers">Names of user annealers that may be called like <c>lin(start, end)</c>.</param>
    public static (T? Value, TextError[] Errors) Bind<T>(string text, ISchedBuilder<T> builder, IEnumerable<string>? customAnnealers = null)
    {
        var (node, syntaxError) = SyntaxParser.Parse(text);
        return node is null ? (default, new[] { syntaxError! }) : Bind(node, builder, customAnnealers);
    }

    /// <summary>Checks and builds an already parsed <paramref name="node"/>: the value, or every problem in text order.</summary>
    /// <remarks>
    /// The parts of a list of schedules are built as soon as each is checked (so a long <c>combine</c> never holds a
    /// whole bound tree beside its syntax tree), and a part the builder refuses is one more problem: binding goes on.
    /// Nothing with a problem inside is built, and the whole is built only when there is none.
    /// </remarks>
    /// <param name="node">The parsed text.</param>
    /// <param name="builder">What to build.</param>
    /// <param name="customAnnealers">Names of user annealers that may be called like <c>lin(start, end)</c>.</param>
    public static (T? Value, TextError[] Errors) Bind<T>(
        SyntaxNode node, ISchedBuilder<T> builder, IEnumerable<string>? customAnnealers = null)
    {
        var problems = new Problems();
        var binder = new Binder(Custom(customAnnealers), problems, part => Build(part, builder)!);
        var bound = binder.Sched(node);
        if (bound is null || !problems.None)
        {
            return (default, problems.InTextOrder());
        }
        try
        {
            return (Build(bound, builder), System.Array.Empty<TextError>());
        }
        catch (TextErrorException refused)
        {
            return (default, new[] { refused.Error });
        }
    }

    /// <summary>Parses and checks <paramref name="text"/>: the checked tree, or every problem.</summary>
    public static (BoundSched? Sched, TextError[] Errors) Bind(string text, IEnumerable<string>? customAnnealers = null)
    {
        var (node, syntaxError) = SyntaxParser.Parse(text);
        return node is null ? (null, new[] { syntaxError! }) : Bind(node, customAnnealers);
    }

    /// <summary>Checks an already parsed <paramref name="node"/>: the checked tree, or every problem in text order.</summary>
    public static (BoundSched? Sched, TextError[] Errors) Bind(SyntaxNode node, IEnumerable<string>? customAnnealers = null)
    {
        var problems = new Problems();
        var bound = new Binder(Custom(customAnnealers), problems).Sched(node);
        return bound is not null && problems.None ? (bound, System.Array.Empty<TextError>()) : (null, problems.InTextOrder());
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
        for (var a = 0; a < call.Arguments.Count; a++)
        {
            if (call.Arguments[a] is BoundScheds nested)
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
