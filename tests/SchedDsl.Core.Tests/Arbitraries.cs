using FsCheck;
using FsCheck.Fluent;

namespace SchedDsl.Core.Tests;

/// <summary>
/// Bounded generators of schedules and their parts, for round-trip and robustness properties. Numbers are finite
/// and in the ranges the factories accept (FsCheck's default doubles include NaN and ±∞, which the factories reject
/// by design). Add generators for new schedule families in their own region below.
/// </summary>
internal static class Arbitraries
{
    // ---- numbers ----------------------------------------------------------------------------------------------

    /// <summary>Finite values in [-1000, 1000], mixing short decimals with full-precision doubles (printing must keep all 17 digits).</summary>
    public static readonly Gen<double> Value = Gen.OneOf(
        Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 997.0));

    /// <summary>Positive values in [1e-8, 100], spread over decades as learning rates are.</summary>
    public static readonly Gen<double> Positive = Gen.Choose(-8_000, 2_000).Select(e => Math.Pow(10, e / 1000.0));

    /// <summary>A fraction in [0, 1], the endpoints included.</summary>
    public static readonly Gen<double> Fraction = Gen.Frequency(
        (1, Gen.Constant(0.0)), (1, Gen.Constant(1.0)), (8, Gen.Choose(0, 1000).Select(i => i / 1000.0)));

    // ---- per-group values -------------------------------------------------------------------------------------

    /// <summary>A per-group value over <paramref name="number"/>: mostly a scalar, else a list, <c>slice</c> or <c>slice_v1</c>.</summary>
    public static Gen<Hyper> HyperOf(Gen<double> number) => Gen.Frequency(
        (6, number.Select(Hyper.Scalar)),
        (1, Gen.Choose(2, 4).SelectMany(n => number.ArrayOf(n)).Select(Hyper.Of)),
        (1, number.Select(stop => Hyper.Slice(stop))),
        (1, Positive.Select(stop => Hyper.Slice(stop, SliceRule.FastaiV1))),
        (1, Positive.SelectMany(start => Positive.Select(stop => Hyper.Slice(start, stop)))));

    /// <summary>Any finite per-group value.</summary>
    public static readonly Gen<Hyper> AnyHyper = HyperOf(Value);

    /// <summary>A per-group value whose numbers are all &gt; 0 (for <c>exp</c>).</summary>
    public static readonly Gen<Hyper> PositiveHyper = HyperOf(Positive);

    // ---- schedules --------------------------------------------------------------------------------------------

    /// <summary>A schedule without nesting: an annealer, a constant, a preset or a zoo schedule (<see cref="Zoo.ZooGens"/>).</summary>
    public static readonly Gen<Sched> Leaf = Gen.OneOf(
        AnyHyper.SelectMany(a => AnyHyper.Select(b => Sched.Lin(a, b))),
        AnyHyper.SelectMany(a => AnyHyper.Select(b => Sched.Cos(a, b))),
        AnyHyper.SelectMany(a => AnyHyper.Select(b => Sched.No(a, b))),
        PositiveHyper.SelectMany(a => PositiveHyper.Select(b => Sched.Exp(a, b))),
        AnyHyper.SelectMany(a => AnyHyper.SelectMany(b => Positive.Select(p => Sched.Poly(a, b, p)))),
        AnyHyper.Select(Sched.Const),
        Fraction.SelectMany(p => AnyHyper.SelectMany(a => AnyHyper.SelectMany(b => AnyHyper.Select(c => Sched.CombinedCos(p, a, b, c))))),
        Presets(),
        Zoo.ZooGens.Any);

    /// <summary>fastai's presets with their optional arguments sometimes at the default and sometimes not.</summary>
    private static Gen<Sched> Presets()
    {
        Gen<double> OrDefault(Gen<double> gen, double defaultValue) =>
            Gen.Frequency((1, Gen.Constant(defaultValue)), (1, gen));
        return Gen.OneOf(
            from lr in AnyHyper
            from div in OrDefault(Positive, 25)
            from divFinal in OrDefault(Positive, 1e5)
            from pct in OrDefault(Fraction, 0.25)
            select Sched.OneCycle(lr, div, divFinal, pct),
            from lr in AnyHyper
            from divFinal in OrDefault(Positive, 1e5)
            from pct in OrDefault(Fraction, 0.75)
            select Sched.FlatCos(lr, divFinal, pct),
            from lr in AnyHyper
            from cycles in Gen.Choose(1, 6)
            from len in OrDefault(Positive, 1)
            from mult in Gen.Elements(1.0, 2.0, 1.5, 3.0)
            select Sched.Sgdr(lr, cycles, len, mult),
            from start in OrDefault(Positive, 1e-7)
            from end in OrDefault(Positive, 10)
            select Sched.LrFinder(start, end));
    }

    /// <summary>
    /// Any schedule, nested up to a depth that halves with FsCheck's size: combines of 1–4 parts whose weights give
    /// pcts summing to 1 (zero-width parts included, which fastai allows).
    /// </summary>
    public static readonly Gen<Sched> Schedule = Gen.Sized(Tree);

    private static Gen<Sched> Tree(int size) =>
        size <= 1
            ? Leaf
            : Gen.Frequency((2, Leaf), (1, Combine(Tree(size / 2))));

    private static Gen<Sched> Combine(Gen<Sched> part) =>
        from count in Gen.Choose(1, 4)
        from weights in Gen.Choose(0, 10).ArrayOf(count)
        where weights.Sum() > 0
        from parts in part.ArrayOf(count)
        select Sched.CombineScheds(weights.Select(w => w / (double)weights.Sum()), parts);

    /// <summary>FsCheck's <see cref="Arbitrary{T}"/> for <see cref="Sched"/>, shrinking nothing (a tree shrinker adds little here).</summary>
    public static Arbitrary<Sched> SchedArb() => Schedule.ToArbitrary();
}
