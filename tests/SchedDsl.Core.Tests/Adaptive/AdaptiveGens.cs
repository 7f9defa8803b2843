using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Core.Tests.Laws;

namespace SchedDsl.Core.Tests.Adaptive;

/// <summary>Bounded generators for the adaptive laws: rules with every argument in its range, over any scalar planned schedule.</summary>
internal static class AdaptiveGens
{
    public static readonly Gen<Sched> Planned = Time.TimeGens.Scalar;

    public static readonly Gen<double> Factor = Gen.Choose(1, 999).Select(i => i / 1000.0);

    public static readonly Gen<AdaptiveSched> Plateau =
        from inner in Planned
        from factor in Factor
        from patience in Gen.Choose(0, 4)
        from threshold in Gen.Elements(0.0, 1e-4, 0.01, 0.1)
        from thresholdMode in Gen.Elements(ThresholdMode.Relative, ThresholdMode.Absolute)
        from cooldown in Gen.Choose(0, 3)
        from minLr in Gen.Elements(0.0, 1e-6, 1e-3)
        from eps in Gen.Elements(0.0, 1e-8)
        from mode in Gen.Elements(PlateauMode.Min, PlateauMode.Max)
        select AdaptiveSched.Plateau(inner, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, mode);

    public static readonly Gen<AdaptiveSched> Greedy =
        from inner in Planned
        from factor in Factor
        from patience in Gen.Choose(0, 4)
        from threshold in Gen.Elements(0.0, 1e-4, 0.01)
        from cooldown in Gen.Choose(0, 3)
        from warmup in Gen.Choose(0, 3)
        from minLr in Gen.Elements(0.0, 1e-6)
        from maxLr in Gen.Elements(1.0, 10.0, 1e3)
        select AdaptiveSched.Greedy(inner, factor, patience, threshold, cooldown, warmup, minLr, maxLr);

    /// <summary>A rule alone, or as the middle phase between a planned start and a from_current cooldown.</summary>
    public static readonly Gen<AdaptiveSched> Any =
        from rule in Gen.OneOf(Plateau, Greedy)
        from before in Planned
        from split in LawGens.InnerFraction
        from phased in Gen.Elements(false, true)
        select phased
            ? before.Then(split / 2, rule).Then(split / 2 + 0.5, AdaptivePart.FromCurrent(Sched.CooldownSqrt(1)))
            : rule;

    /// <summary>Metrics as a fit sees them: losses in [0, 10] on a coarse grid, so ties (no improvement) happen often.</summary>
    public static readonly Gen<double[]> Metrics = Gen.Choose(0, 100).Select(i => i / 10.0).ArrayOf();
}
