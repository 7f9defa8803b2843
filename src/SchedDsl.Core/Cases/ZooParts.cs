using SchedDsl.Collections;

namespace SchedDsl;

/// <summary>Building blocks shared by the zoo's presets (the same parts fastai's schedules use).</summary>
internal static class ZooParts
{
    public static AnnealSched Lin(Hyper start, Hyper end) => new(AnnealerFactory.LinFactory, start, end);

    public static AnnealSched Cos(Hyper start, Hyper end) => new(AnnealerFactory.CosFactory, start, end);

    public static AnnealSched Exp(Hyper start, Hyper end) => new(AnnealerFactory.ExpFactory, start, end);

    public static AnnealSched Flat(Hyper value) => new(AnnealerFactory.NoFactory, value, value);

    /// <summary>
    /// A cooldown from <paramref name="start"/> to <paramref name="end"/> shaped as <paramref name="shape"/>: <c>lin</c>,
    /// <c>cos</c>, or 1-sqrt by <see cref="CooldownCurve"/> (the formula <c>cooldown_sqrt</c> and <c>branch_sqrt</c> use).
    /// </summary>
    public static AnnealSched Cooldown(CooldownShape shape, Hyper start, Hyper end) => shape switch
    {
        CooldownShape.Linear => Lin(start, end),
        CooldownShape.Cosine => Cos(start, end),
        _ => new(SqrtCooldown, start, end),
    };

    // An internal part's annealer: never printed (its preset prints its own call), cached so that equality holds.
    private static readonly AnnealerFactory SqrtCooldown =
        new("cooldown_sqrt", static (start, end, pos) => CooldownCurve.Value(CooldownShape.Sqrt, start, end, pos), AnnealerKind.Custom);

    public static CombineSched Combine(double[] pcts, Sched[] scheds) =>
        new(ValueArray<double>.Own(pcts), ValueArray<Sched>.Own(scheds));

    /// <summary>
    /// A constant <paramref name="lr"/> scaled by <c>factors[i]</c> from <c>boundaries[i]</c> on (sorted positions in
    /// [0, 1]); at a boundary the new factor applies.
    /// </summary>
    public static CombineSched Piecewise(Hyper lr, IReadOnlyList<double> boundaries, IReadOnlyList<double> factors)
    {
        var pcts = new double[boundaries.Count + 1];
        var scheds = new Sched[boundaries.Count + 1];
        var previous = 0.0;
        scheds[0] = Flat(lr);
        for (var i = 0; i < boundaries.Count; i++)
        {
            var boundary = Math.Min(boundaries[i], 1);
            pcts[i] = boundary - previous;
            previous = boundary;
            scheds[i + 1] = Flat(lr.Scale(factors[i]));
        }
        pcts[^1] = 1 - previous;
        return Combine(pcts, scheds);
    }
}
