using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Core.Tests.Laws;
using SchedDsl.Core.Tests.Robustness;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>
/// Every factory — the zoo, the annealers, the presets, combine, and slices — given any finite arguments (tiny, huge,
/// zero, negative), either rejects them with a <see cref="SchedArgumentException"/> when the schedule is built or
/// its groups are resolved, or gives a schedule whose every value, for every group, is a finite number: evaluation
/// never throws and never yields ±∞ or NaN (issue 12, B2).
/// </summary>
public sealed class ZooExtremeArgumentLaws
{
    /// <summary>Finite doubles from the edges of the range (subnormal, near overflow) as well as ordinary ones.</summary>
    private static readonly Gen<double> Wild = Gen.Frequency(
        (3, Gen.Elements(0.0, 1.0, 0.5, 2.0, -1.0, 1e-320, 1e-300, 1e-12, 1e-4, 1e4, 1e12, 1e150, 1e300, 1e308, double.MaxValue, double.Epsilon)),
        (2, Gen.Choose(-320, 308).Select(e => Math.Pow(10, e))),
        (2, Gen.Choose(0, 1000).Select(i => i / 1000.0)));

    // Built inside the property: a slice may itself be rejected (slice(1e-300, 1e10) overflows even_mults).
    private static readonly Gen<Func<Hyper>> WildLr = Gen.Frequency(
        (3, Wild.Select(v => (Func<Hyper>)(() => Hyper.Scalar(v)))),
        (1, LawGens.Zip(Wild, Wild).Select(t => (Func<Hyper>)(() => Hyper.Of(t.Item1, t.Item2)))),
        (1, LawGens.Zip(Wild, Wild).Select(t => (Func<Hyper>)(() => Hyper.Slice(t.Item1, t.Item2)))),
        (1, Wild.Select(v => (Func<Hyper>)(() => Hyper.Slice(v)))),
        (1, Wild.Select(v => (Func<Hyper>)(() => Hyper.Slice(v, SliceRule.FastaiV1)))));

    private static readonly Func<Hyper, double, double, double, int, Sched>[] Factories =
    [
        (lr, a, b, c, _) => Sched.WarmupCosine(lr, a, b, c),
        (lr, a, b, c, _) => Sched.WarmupLinear(lr, a, b, c),
        (lr, a, b, c, _) => Sched.Wsd(lr, a, b, c),
        (lr, a, b, c, _) => Sched.WsdLinear(lr, a, b, c),
        (lr, a, b, c, _) => Sched.OneCycle3Phase(lr, a, b, c),
        (_, a, b, c, _) => Sched.OneCycle3PhaseMomentum(a, b, c),
        (lr, a, b, c, n) => Sched.Cyclic(lr, lr.Scale(a), n / 3.0, b, c, a),
        (lr, a, b, c, n) => Sched.Cyclic(lr, a, n, 0.5, b, c),
        (lr, a, b, c, n) => Sched.CyclicMomentum(lr, a, n, 0.5, b, c),
        (lr, a, b, _, _) => Sched.StepDecay(lr, a, b),
        (lr, a, b, c, _) => Sched.MultiStep(lr, [Math.Min(a, c), Math.Max(a, c)], b),
        (lr, a, b, c, _) => Sched.PiecewiseConstant(lr, [a, a], [b, c]),
        (lr, a, b, c, _) => Sched.ExponentialDecay(lr, a, b, 0, c),
        (lr, a, b, c, _) => Sched.ExponentialDecayStaircase(lr, a, b, 0, c),
        (lr, a, b, c, _) => Sched.ExponentialDecay(lr, a, b, c),
        (lr, a, b, c, _) => Sched.PolyDecay(lr, a, b, c),
        (lr, a, b, _, _) => Sched.InverseSqrt(lr, a, b),
        (lr, a, b, _, _) => Sched.CosineRestarts(lr, a, b),
        (lr, a, b, c, n) => Sched.SgdrDecay(lr, n, a, b, c),
        (lr, a, b, c, _) => Sched.WsdSqrt(lr, a, b, c),
        (lr, a, _, c, n) => Sched.WarmupLog(lr, a, n, c),
        (lr, a, b, c, _) => Sched.PiecewiseInterpolateLinear(lr, [a, a], [b, c]),
        (lr, a, b, c, _) => Sched.PiecewiseInterpolateCosine(lr, [Math.Min(a, c), Math.Max(a, c)], [b, c]),
        (lr, a, b, c, n) => Sched.TimmCosine(lr, a, c, b, a, n, c, b, a),
        (lr, a, b, c, n) => Sched.TimmTanh(lr, a, -b, c, a, b, c, n, Math.Min(a, 1), c),
        (lr, a, b, c, n) => Sched.Staircase(Sched.Cos(lr, a).Times(Sched.Lin(b, c)), n),
        (lr, a, b, c, n) => Sched.Noise(Sched.Multiply(Sched.Cos(lr, a), Sched.Exp(b, c), Sched.Lin(a, 0)), n, 0, 1, Math.Min(Math.Abs(b), 0.99), c, n),
        // The annealers, presets and combinators.
        (lr, a, _, _, _) => Sched.Lin(lr, a),
        (lr, a, _, _, _) => Sched.Cos(a, lr),
        (lr, a, _, _, _) => Sched.No(lr, a),
        (lr, a, _, _, _) => Sched.Exp(lr, a),
        (lr, a, b, _, _) => Sched.Poly(lr, a, b),
        (lr, _, _, _, _) => Sched.Const(lr),
        (lr, a, b, c, _) => Sched.OneCycle(lr, a, b, c),
        (_, a, b, c, _) => Sched.OneCycleMomentum(a, b, c),
        (lr, a, b, _, _) => Sched.FlatCos(lr, a, b),
        (lr, a, b, _, n) => Sched.Sgdr(lr, Math.Min(n, 64), a, b),
        (_, a, b, _, _) => Sched.LrFinder(a, b),
        (lr, a, b, c, _) => Sched.CombinedCos(c, lr, a, b),
        (lr, a, b, c, _) => Sched.CombineScheds([c, 1 - c], [Sched.Cos(lr, a), Sched.Exp(a, b)]),
        (lr, a, b, c, _) => Sched.Lin(lr, a).Then(c, Sched.Cos(a, b)),
    ];

    private static readonly Gen<(int Factory, Func<Hyper> Lr, double A, double B, double C, int N)> Calls =
        from factory in Gen.Choose(0, Factories.Length - 1)
        from lr in WildLr
        from a in Wild
        from b in Wild
        from c in Wild
        from n in Gen.Elements(1, 2, 3, 7, 64, 1100, 20_000)
        select (factory, lr, a, b, c, n);

    /// <summary>
    /// The least share of cases that must pass the rejections and reach the "finite everywhere" check: without it the
    /// law holds vacuously if every factory starts rejecting. Measured 46.6% (SCHEDDSL_SWEEP=large: 46,558 of 100,000
    /// cases; 46% and 51% in two 400-case runs); the floor leaves room for the 400-case sweep's sampling noise (a
    /// standard deviation of 2.5 points).
    /// </summary>
    private const double MinimumEvaluatedShare = 0.35;

    // A sweep: 400 cases on CI, 100,000 under SCHEDDSL_SWEEP=large (docs/robustness.md).
    [Fact]
    public void Either_rejected_when_built_or_finite_everywhere()
    {
        int cases = 0, evaluated = 0;
        SweepCheck.Run(Prop.ForAll(Calls.ToArbitrary(), call =>
        {
            cases++;
            Sched sched;
            try
            {
                sched = Factories[call.Factory](call.Lr(), call.A, call.B, call.C, call.N);
            }
            catch (SchedArgumentException)
            {
                return true.Label("rejected");
            }
            SchedGroups groups;
            try
            {
                groups = sched.ForGroups(3);
            }
            catch (SchedArgumentException)
            {
                // A list's or slice's per-group pairs meet only now: a slice scaled by a tiny factor can underflow its
                // start to 0 (even_mults rejects it), an exp between two groups' values can overflow its ratio.
                return true.Label("rejected when the groups are resolved");
            }
            evaluated++;
            foreach (var group in groups)
            {
                for (var k = 0; k <= 256; k++)
                {
                    var value = group.At(k / 256.0);
                    if (!double.IsFinite(value))
                    {
                        return false.Label($"{sched} at {k}/256 gives {value:R}");
                    }
                }
            }
            return true.Label("finite");
        }), ci: 400, large: 100_000);
        Assert.True(evaluated >= MinimumEvaluatedShare * cases, $"only {evaluated} of {cases} cases reached the finite-everywhere check");
    }
}
