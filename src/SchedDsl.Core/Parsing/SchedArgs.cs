using SchedDsl.Text;

namespace SchedDsl.Parsing;

/// <summary>The checked arguments of one call, by fastai parameter name, with defaults applied: what a Core builder reads.</summary>
internal readonly struct SchedArgs(BoundCall call, IReadOnlyList<Sched> scheds)
{
    public BoundCall Call { get; } = call;

    /// <summary>The built schedules of a <see cref="ParamKind.Scheds"/> argument, in order.</summary>
    public IReadOnlyList<Sched> Scheds { get; } = scheds;

    /// <summary>A <see cref="ParamKind.Hyper"/> argument as a <see cref="SchedDsl.Hyper"/>.</summary>
    public Hyper Hyper(string parameter) => Call.Argument(parameter) switch
    {
        BoundHyper value => ToHyper(value),
        _ => Call.Number(parameter),
    };

    /// <summary>A <see cref="ParamKind.Number"/> argument or its default.</summary>
    public double Number(string parameter) => Call.Number(parameter);

    /// <summary>An <see cref="ParamKind.Integer"/> argument or its default (the binder checked it is whole).</summary>
    public int Integer(string parameter) => (int)Math.Min(int.MaxValue, Call.Number(parameter));

    /// <summary>A <see cref="ParamKind.Numbers"/> argument.</summary>
    public IReadOnlyList<double> Numbers(string parameter) => ((BoundNumbers)Call.Argument(parameter)!).Values;

    public static Hyper ToHyper(BoundHyper value) => value.Form switch
    {
        HyperForm.Scalar => value.Numbers[0],
        HyperForm.List => SchedDsl.Hyper.Of([.. value.Numbers]),
        HyperForm.SliceV1 => SchedDsl.Hyper.Slice(value.Numbers[0], SliceRule.FastaiV1),
        _ => value.Numbers.Count == 1 ? SchedDsl.Hyper.Slice(value.Numbers[0]) : SchedDsl.Hyper.Slice(value.Numbers[0], value.Numbers[1]),
    };
}
