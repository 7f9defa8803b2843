using SchedDsl.Text;
using SchedDsl.Validation;

namespace SchedDsl.Parsing;

/// <summary>
/// Core's <see cref="ISchedBuilder{T}"/>: builds <see cref="Sched"/> values from checked text through the public
/// factories, looked up by text-form name (built-ins in <c>SchedBuilder.Builtins.cs</c>, the zoo's in its own file).
/// </summary>
internal sealed partial class SchedBuilder : ISchedBuilder<Sched>
{
    private static readonly Dictionary<string, Func<SchedArgs, Sched>> Builders = CreateBuilders();

    private readonly IReadOnlyDictionary<string, AnnealerFactory> custom;

    public SchedBuilder(IReadOnlyDictionary<string, AnnealerFactory> custom) => this.custom = custom;

    /// <summary>True when a Core builder is registered for the text-form function <paramref name="name"/>.</summary>
    internal static bool Knows(string name) => Builders.ContainsKey(name);

    public Sched Constant(BoundHyper value) => Sched.Const(SchedArgs.ToHyper(value));

    public Sched Call(BoundCall call, IReadOnlyList<Sched> scheds)
    {
        var args = new SchedArgs(call, scheds);
        var name = call.Function.Name;
        try
        {
            if (custom.TryGetValue(name, out var factory))
            {
                return factory.Create(args.Hyper("start"), args.Hyper("end"));
            }
            return Builders.TryGetValue(name, out var build)
                ? build(args)
                : throw new InvalidOperationException($"no Core builder for '{name}' although the function table lists it (docs/text-form.md, \"Adding a function\")");
        }
        catch (SchedArgumentException error)
        {
            // The binder checks the table's ranges first; a check only the factory knows is reported at its argument.
            var where = error.ParamName is { } parameter ? call.Where(parameter) : call.Syntax;
            throw new TextErrorException(new TextError(error.Message.Split(" (Parameter", 2)[0], where.Start, where.Length, ""));
        }
    }

    private static Dictionary<string, Func<SchedArgs, Sched>> CreateBuilders()
    {
        var builders = new Dictionary<string, Func<SchedArgs, Sched>>(StringComparer.Ordinal);
        AddBuiltins(builders);
        AddZoo(builders);
        return builders;
    }

    /// <summary>fastai's functions (<c>SchedBuilder.Builtins.cs</c>).</summary>
    private static partial void AddBuiltins(Dictionary<string, Func<SchedArgs, Sched>> builders);

    /// <summary>The schedule zoo's functions, in <c>SchedBuilder.Zoo.cs</c> when the zoo registers its text forms.</summary>
    static partial void AddZoo(Dictionary<string, Func<SchedArgs, Sched>> builders);
}
