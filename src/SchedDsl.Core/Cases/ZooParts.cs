using SchedDsl.Collections;

namespace SchedDsl;

/// <summary>Building blocks shared by the zoo's presets (the same parts fastai's schedules use).</summary>
internal static class ZooParts
{
    public static AnnealSched Lin(Hyper start, Hyper end) => new(AnnealerFactory.LinFactory, start, end);

    public static AnnealSched Cos(Hyper start, Hyper end) => new(AnnealerFactory.CosFactory, start, end);

    public static AnnealSched Exp(Hyper start, Hyper end) => new(AnnealerFactory.ExpFactory, start, end);

    public static AnnealSched Flat(Hyper value) => new(AnnealerFactory.NoFactory, value, value);

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
