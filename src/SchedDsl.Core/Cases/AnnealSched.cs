using System.Text;

namespace SchedDsl;

/// <summary>An annealer from <see cref="Start"/> to <see cref="End"/>: <c>lin</c>, <c>cos</c>, <c>no</c>, <c>exp</c> or a custom one.</summary>
internal sealed record AnnealSched : Sched
{
    // Scalar endpoints and the kind cached for evaluation; derived from Start/End/Factory, so equality is unaffected.
    private readonly double start;
    private readonly double end;
    private readonly AnnealerKind kind;

    public AnnealSched(AnnealerFactory factory, Hyper start, Hyper end)
        : base(start.IsPerGroup || end.IsPerGroup)
    {
        Factory = factory;
        kind = factory.Kind;
        Start = start;
        End = end;
        if (!IsPerGroup)
        {
            this.start = start.ForGroup(0, 1);
            this.end = end.ForGroup(0, 1);
            if (factory.Kind == AnnealerKind.Exp)
            {
                // Here, not only in the factory: a list's or slice's pairs meet only when the groups are resolved.
                Validation.Require.Ratio(factory.Name, "end", this.start, this.end, "start", "end");
            }
        }
    }

    public AnnealerFactory Factory { get; }

    public Hyper Start { get; }

    public Hyper End { get; }

    /// <summary>The scalar start (0 while <see cref="Sched.IsPerGroup"/>).</summary>
    internal double StartValue => start;

    /// <summary>The scalar end (0 while <see cref="Sched.IsPerGroup"/>).</summary>
    internal double EndValue => end;

    /// <summary>The annealer's kind (<see cref="AnnealerKind.Custom"/> for a user's function).</summary>
    internal AnnealerKind Kind => kind;

    internal override double Eval(double pos)
    {
        if (kind == AnnealerKind.Cos)
        {
            // The cosine before the endpoints are read, as in CombineSched.Eval: nothing to spill across Math.Cos.
            var factor = Anneal.CosFactor(pos);
            return Anneal.Cos(start, end, factor);
        }
        return kind == AnnealerKind.Custom ? Factory.Function(start, end, pos) : Anneal.Eval(kind, start, end, 0, pos);
    }

    internal override Sched Resolve(int group, int groupCount) =>
        new AnnealSched(Factory, Start.ForGroup(group, groupCount), End.ForGroup(group, groupCount));

    internal override SchedCall? Call => new(Factory.Spec, [Start, End]);

    internal override void Print(StringBuilder builder) => CallText.Print(builder, Factory.Spec, [Start, End]);
}
