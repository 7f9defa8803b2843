using FsCheck;
using FsCheck.Fluent;

namespace SchedDsl.Core.Tests.Laws;

/// <summary>
/// Bounded generators for the laws: finite values in sensible ranges (FsCheck's default doubles include NaN and
/// infinities, which the factories reject by design and which the laws are not about).
/// </summary>
internal static class LawGens
{
    public static Gen<(T1, T2)> Zip<T1, T2>(Gen<T1> a, Gen<T2> b) =>
        from x in a from y in b select (x, y);

    public static Gen<(T1, T2, T3)> Zip<T1, T2, T3>(Gen<T1> a, Gen<T2> b, Gen<T3> c) =>
        from x in a from y in b from z in c select (x, y, z);

    public static Gen<(T1, T2, T3, T4)> Zip<T1, T2, T3, T4>(Gen<T1> a, Gen<T2> b, Gen<T3> c, Gen<T4> d) =>
        from x in a from y in b from z in c from w in d select (x, y, z, w);

    /// <summary>Finite values in [-1000, 1000] on a 1e-3 grid.</summary>
    public static readonly Gen<double> Value = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0);

    /// <summary>Positive values in [1e-6, 10], spread over decades as learning rates are.</summary>
    public static readonly Gen<double> Positive =
        Gen.Choose(-6_000, 1_000).Select(e => Math.Pow(10, e / 1000.0));

    /// <summary>Positions in [0, 1] with the endpoints themselves generated often.</summary>
    public static readonly Gen<double> Pos = Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (1, Gen.Constant(1.0)),
        (8, Gen.Choose(0, 1_000_000).Select(i => i / 1e6)));

    /// <summary>A share in (0, 1) for joins.</summary>
    public static readonly Gen<double> InnerFraction = Gen.Choose(1, 999).Select(i => i / 1000.0);

    /// <summary>One of the monotone annealers with its endpoints (exp needs positive endpoints).</summary>
    public static readonly Gen<(string Name, double Start, double End, Sched Sched)> Annealer =
        Gen.OneOf(
            Zip(Value, Value).Select(t => ("lin", t.Item1, t.Item2, Sched.Lin(t.Item1, t.Item2))),
            Zip(Value, Value).Select(t => ("cos", t.Item1, t.Item2, Sched.Cos(t.Item1, t.Item2))),
            Zip(Positive, Positive).Select(t => ("exp", t.Item1, t.Item2, Sched.Exp(t.Item1, t.Item2))),
            Zip(Value, Value, Gen.Choose(1, 40).Select(p => p / 10.0))
                .Select(t => ("poly", t.Item1, t.Item2, Sched.Poly(t.Item1, t.Item2, t.Item3))));
}
