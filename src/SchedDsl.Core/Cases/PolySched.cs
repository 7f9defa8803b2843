using System.Text;

namespace SchedDsl;

/// <summary>fastai's <c>SchedPoly</c>: <c>start + (end-start) * pos^power</c>.</summary>
internal sealed record PolySched : Sched
{
    private readonly double start;
    private readonly double end;

    public PolySched(Hyper start, Hyper end, double power)
        : base(start.IsPerGroup || end.IsPerGroup)
    {
        Start = start;
        End = end;
        Power = power;
        if (!IsPerGroup)
        {
            this.start = start.ForGroup(0, 1);
            this.end = end.ForGroup(0, 1);
        }
    }

    public Hyper Start { get; }

    public Hyper End { get; }

    public double Power { get; }

    /// <summary>The scalar start (0 while <see cref="Sched.IsPerGroup"/>).</summary>
    internal double StartValue => start;

    /// <summary>The scalar end (0 while <see cref="Sched.IsPerGroup"/>).</summary>
    internal double EndValue => end;

    internal override double Eval(double pos) => Anneal.Eval(AnnealerKind.Poly, start, end, Power, pos);

    internal override Sched Resolve(int group, int groupCount) =>
        new PolySched(Start.ForGroup(group, groupCount), End.ForGroup(group, groupCount), Power);

    internal override SchedCall? Call => new(AnnealerFunctions.Poly, [Start, End, Power]);

    internal override void Print(StringBuilder builder) => CallText.Print(builder, AnnealerFunctions.Poly, [Start, End, Power]);
}
