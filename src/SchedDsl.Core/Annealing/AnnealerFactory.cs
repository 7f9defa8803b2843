using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>
/// An annealing function with its start and end still open: fastai's <c>@annealer</c> applied to a
/// <c>(start, end, pos)</c> function. <see cref="Create"/> fixes the endpoints and returns a schedule that composes
/// like the built-ins (<see cref="Sched.Then"/>, <see cref="Sched.CombineScheds"/>).
/// </summary>
/// <remarks>
/// Two factories are equal when they have the same name and the same delegate instance; the built-in ones are
/// cached, so <c>Sched.Cos(0, 1) == Sched.Cos(0, 1)</c>. A custom annealer prints as <c>name(start, end)</c>;
/// its text parses back only when the factory is passed to the parser. Immutable; thread-safe.
/// </remarks>
public sealed record AnnealerFactory
{
    internal static readonly AnnealerFactory LinFactory = new("lin", Annealers.Lin, AnnealerKind.Lin);
    internal static readonly AnnealerFactory CosFactory = new("cos", Annealers.Cos, AnnealerKind.Cos);
    internal static readonly AnnealerFactory NoFactory = new("no", Annealers.No, AnnealerKind.No);
    internal static readonly AnnealerFactory ExpFactory = new("exp", Annealers.Exp, AnnealerKind.Exp);

    internal AnnealerFactory(string name, Annealer function, AnnealerKind kind)
    {
        Name = name;
        Function = function;
        Kind = kind;
    }

    /// <summary>The name used in the text form, e.g. <c>cos</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>(start, end, pos)</c> function.</summary>
    public Annealer Function { get; }

    internal AnnealerKind Kind { get; }

    /// <summary>Its declaration: the built-in's, or a user annealer's two finite endpoints.</summary>
    internal Text.FunctionSpec Spec => Kind switch
    {
        AnnealerKind.Lin => AnnealerFunctions.Lin,
        AnnealerKind.Cos => AnnealerFunctions.Cos,
        AnnealerKind.No => AnnealerFunctions.No,
        AnnealerKind.Exp => AnnealerFunctions.Exp,
        _ => AnnealerFunctions.Custom(Name),
    };

    /// <summary>The schedule from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <exception cref="SchedArgumentException">
    /// A non-finite endpoint; for <c>lin</c> and <c>cos</c> an endpoint beyond ±<c>double.MaxValue/4</c> (their
    /// formulas compute <c>2*(end - start)</c>); for <c>exp</c> an endpoint &lt;= 0 or beyond that bound, or an
    /// <c>end/start</c> beyond it (checked for each group when a list or slice is resolved).
    /// </exception>
    /// <remarks>A custom annealer's values are its own: only its endpoints are checked (finite).</remarks>
    public Sched Create(Hyper start, Hyper end)
    {
        Declared.Check(Spec, start, end);
        return new AnnealSched(this, start, end);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
