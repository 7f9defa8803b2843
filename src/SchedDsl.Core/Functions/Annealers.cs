#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>The annealers, fastai's <c>sched_*</c> functions: <c>lin</c>, <c>cos</c>, <c>no</c>, <c>exp</c>, <c>poly</c>.</summary>
internal static partial class AnnealerFunctions
{
    public static readonly FunctionSpec Lin = Annealer("lin", "Lin", "fastai `SchedLin`: linear from start to end", Rule.Value);

    public static readonly FunctionSpec Cos = Annealer("cos", "Cos", "fastai `SchedCos`: half a cosine from start to end", Rule.Value);

    public static readonly FunctionSpec No = Annealer("no", "No", "fastai `SchedNo`: constant at start (end is ignored)", Rule.Finite);

    public static readonly FunctionSpec Exp = Annealer("exp", "Exp", "fastai `SchedExp`: geometric from start to end", Rule.PositiveValue);

    public static readonly FunctionSpec Poly = new(
        "poly", "Poly", "fastai `SchedPoly`: start + (end - start) * pos^power",
        [ParamSpec.Hyper("start"), ParamSpec.Hyper("end"), ParamSpec.Number("power", Rule.Positive)]);

    /// <summary>The spec of a custom annealer: two finite endpoints, like <c>lin</c>; its values are its own.</summary>
    public static FunctionSpec Custom(string name) => Annealer(name, null, "a user's annealer", Rule.Finite);

    private static FunctionSpec Annealer(string name, string? factory, string summary, Rule rule) =>
        new(name, factory, summary, [ParamSpec.Hyper("start", rule), ParamSpec.Hyper("end", rule)]);
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>fastai's <c>SchedLin(start, end)</c>: linear from <paramref name="start"/> to <paramref name="end"/>. Text: <c>lin(start, end)</c>.</summary>
    /// <exception cref="SchedArgumentException">A non-finite endpoint.</exception>
    public static Sched Lin(Hyper start, Hyper end) => AnnealerFactory.LinFactory.Create(start, end);

    /// <summary>fastai's <c>SchedCos(start, end)</c>: half a cosine from <paramref name="start"/> to <paramref name="end"/>. Text: <c>cos(start, end)</c>.</summary>
    /// <exception cref="SchedArgumentException">A non-finite endpoint.</exception>
    public static Sched Cos(Hyper start, Hyper end) => AnnealerFactory.CosFactory.Create(start, end);

    /// <summary>fastai's <c>SchedNo(start, end)</c>: constant at <paramref name="start"/> (<paramref name="end"/> is ignored, as in fastai). Text: <c>no(start, end)</c>.</summary>
    /// <exception cref="SchedArgumentException">A non-finite endpoint.</exception>
    public static Sched No(Hyper start, Hyper end) => AnnealerFactory.NoFactory.Create(start, end);

    /// <summary>fastai's <c>SchedExp(start, end)</c>: geometric from <paramref name="start"/> to <paramref name="end"/>. Text: <c>exp(start, end)</c>.</summary>
    /// <exception cref="SchedArgumentException">An endpoint that is not a finite number &gt; 0.</exception>
    public static Sched Exp(Hyper start, Hyper end) => AnnealerFactory.ExpFactory.Create(start, end);

    /// <summary>fastai's <c>SchedPoly(start, end, power)</c>: <c>start + (end-start) * pos^power</c>. Text: <c>poly(start, end, power)</c>.</summary>
    /// <exception cref="SchedArgumentException">An endpoint beyond ±<c>double.MaxValue/4</c>, or a power that is not a finite number &gt; 0.</exception>
    public static Sched Poly(Hyper start, Hyper end, double power)
    {
        Declared.Check(AnnealerFunctions.Poly, start, end, power);
        return new PolySched(start, end, power);
    }

    /// <summary>A constant schedule. Text: the bare number, list or slice.</summary>
    /// <remarks>
    /// Evaluates like fastai's <c>SchedNo(value, …)</c> (<see cref="No"/>), but is its own value: it prints as the bare
    /// number and compares equal only to another constant, while <c>No(start, end)</c> keeps both endpoints, as fastai's
    /// annealer does, and prints as <c>no(start, end)</c>.
    /// </remarks>
    /// <exception cref="SchedArgumentException">A non-finite value.</exception>
    public static Sched Const(Hyper value) => new ConstSched(Require.Finite("const", "value", value));

    /// <summary>
    /// fastai's <c>@annealer</c> decorator: turns a <c>(start, end, pos)</c> function into a schedule factory whose
    /// schedules compose like the built-ins.
    /// </summary>
    /// <param name="name">The name the schedules print under, e.g. <c>sqrt</c>: letters, digits and underscores; not a built-in's name (<c>cos</c>, <c>slice</c>, …).</param>
    /// <exception cref="SchedArgumentException">A name that is not an identifier or is a built-in function's name.</exception>
    /// <param name="annealer">The annealing function; it should return <paramref name="annealer"/>(start, end, 0) = start.</param>
    /// <example><code>
    /// var sqrt = Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos)));
    /// Sched warmup = sqrt.Create(0, 1e-3);
    /// </code></example>
    public static AnnealerFactory Annealer(string name, Annealer annealer)
    {
        ArgumentNullException.ThrowIfNull(annealer);
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
        {
            throw new SchedArgumentException("annealer", "name", $"must be an identifier (letters, digits, '_', not starting with a digit), got '{name}'");
        }
        if (Text.FunctionTable.All.ContainsKey(name) || Text.Binder.SliceNames.Contains(name))
        {
            // Reserved: "cos" would print as cos(0, 1) and parse back as the built-in cos, a different schedule.
            throw new SchedArgumentException("annealer", "name", $"must not be a built-in function's name (see Sched.Parse's list), got '{name}'");
        }
        return new AnnealerFactory(name, annealer, AnnealerKind.Custom);
    }
}
#endif
