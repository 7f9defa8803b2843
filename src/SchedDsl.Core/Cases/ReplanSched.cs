using System.Text;
using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// <c>replan</c> and <c>replan_hold_then_decay</c>: <see cref="Source"/>'s history bit for bit (<see cref="ResumePoint"/>),
/// then the rest re-planned: stretched from the source itself, or <see cref="Held"/> (the same shape re-planned for the new
/// total, hold-then-decay) evaluated at the new positions.
/// </summary>
internal sealed record ReplanSched : Sched
{
    private readonly ResumePoint plan;

    // Cached: derived from Source, and a walk would revisit shared subtrees.
    private readonly int depth;

    public ReplanSched(Sched source, double planned, double at, double total, ReplanPolicy policy, Sched? held)
        : base(source.IsPerGroup)
    {
        Source = source;
        Policy = policy;
        Held = held;
        plan = new ResumePoint(planned, at, total);
        depth = 1 + source.Depth;
    }

    public Sched Source { get; }

    public ReplanPolicy Policy { get; }

    /// <summary>Hold-then-decay: the source's shape re-planned for <see cref="Total"/> units, run from <see cref="AtUnits"/> on; null for stretch.</summary>
    public Sched? Held { get; }

    public double Planned => plan.Planned;

    public double AtUnits => plan.At;

    public double Total => plan.Total;

    internal override int Depth => depth;

    internal FunctionSpec Function => Policy == ReplanPolicy.Stretch ? TimeFunctions.Replan : TimeFunctions.ReplanHoldThenDecay;

    internal override double Eval(double pos)
    {
        var units = plan.Units(pos);
        if (units < plan.At)
        {
            return Source.Eval(plan.OriginalPosition(units));
        }
        if (Held is not null)
        {
            return Held.Eval(pos);
        }
        // [at, total] onto [at, planned], in this order of operations so that `at` maps to at/planned, the position the
        // original fit evaluated (continuous at `at` bit for bit), and `total` to planned exactly (for whole units).
        var remaining = plan.Total - plan.At;
        var original = remaining > 0 ? plan.At + ((plan.Planned - plan.At) * ((units - plan.At) / remaining)) : plan.At;
        return Source.Eval(plan.OriginalPosition(original));
    }

    internal override Sched Resolve(int group, int groupCount) =>
        Policy == ReplanPolicy.Stretch
            ? ReplanStretch(Source.ForGroup(group, groupCount), Planned, AtUnits, Total)
            : ReplanHoldThenDecay(Source.ForGroup(group, groupCount), Planned, AtUnits, Total);

    internal override SchedCall? Call => new(Function, [Source, Planned, AtUnits, Total]);

    internal override void Print(StringBuilder builder) => CallText.Print(builder, Function, [Source, Planned, AtUnits, Total]);
}
