using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Core.Tests.Laws;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>
/// Generated zoo schedules for the zoo's round-trip properties, with hand-picked argument shapes (shares that fit,
/// sorted milestones); <see cref="Arbitraries"/> covers the zoo generically, nested in combines, in JSON and in the
/// parser's robustness tests. Learning rates are positive, per-group lists and slices included.
/// </summary>
internal static class ZooGens
{
    private static readonly Gen<Hyper> Lr = Gen.Frequency(
        (4, LawGens.Positive.Select(Hyper.Scalar)),
        (1, Gen.Choose(2, 4).SelectMany(n => LawGens.Positive.ArrayOf(n)).Select(Hyper.Of)),
        (1, LawGens.Positive.Select(stop => Hyper.Slice(stop))),
        (1, LawGens.Zip(LawGens.Positive, LawGens.Positive).Select(t => Hyper.Slice(t.Item1, t.Item2))));

    private static readonly Gen<double> Share = Gen.Choose(0, 1000).Select(i => i / 1000.0);

    private static readonly Gen<double> Full = Gen.Choose(1, 1_000_000).Select(i => i / 997.0);

    /// <summary>One of each zoo function with generated arguments (full-precision doubles included).</summary>
    public static readonly Gen<Sched> Any = LawGens.Zip(Lr, Share, Share, Full).SelectMany(t =>
    {
        var (lr, a, b, x) = t;
        var small = Math.Min(a, 1 - a) / 2;
        var sorted = new[] { Math.Min(a, b), Math.Max(a, b) };
        return Gen.Elements(
            Sched.WarmupCosine(lr, a, b, x),
            Sched.WarmupLinear(lr, a, b),
            Sched.Wsd(lr, a, (1 - a) * b, b),
            Sched.WsdLinear(lr, a, (1 - a) * b),
            Sched.OneCycle3Phase(lr, x, 1e4, small),
            Sched.OneCycle3PhaseMomentum(0.85, 0.95, small),
            Sched.Cyclic(lr, lr.Scale(6), 1 + x, a, 0.5, 0.99),
            Sched.CyclicMomentum(0.8, 0.9, x, b),
            Sched.StepDecay(lr, Math.Max(a, 1e-3), b),
            Sched.MultiStep(lr, sorted, b),
            Sched.PiecewiseConstant(lr, sorted, [x, b]),
            Sched.ExponentialDecay(lr, 0.5, Math.Max(a, 1e-3), b, 0.01),
            Sched.ExponentialDecayStaircase(lr, 0.9, Math.Max(a, 1e-2), b),
            Sched.PolyDecay(lr, x, b, a),
            Sched.InverseSqrt(lr, a, Math.Max(b, 1e-3)),
            Sched.CosineRestarts(lr, x, a),
            Sched.SgdrDecay(lr, 1 + (int)(x % 5), 1 + b, b + 0.1, 1e-6));
    });
}
