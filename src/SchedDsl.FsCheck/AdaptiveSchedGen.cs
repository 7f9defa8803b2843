using FsCheck;
using FsCheck.Fluent;

namespace SchedDsl.Testing;

/// <summary>
/// FsCheck generators of metric-driven schedules (<see cref="AdaptiveSched"/>) and of the metrics they observe: PyTorch's
/// reduce-on-plateau and GreedyLR rules with every argument in its declared range, over any planned schedule, alone or
/// as the middle phase of warmup, rule, then a <c>from_current</c> 1-sqrt cooldown.
/// </summary>
/// <remarks>
/// <para>
/// Patience and cooldowns stay small (at most 4 observations) and thresholds take a few typical values, so that a
/// few dozen metrics reach reductions, rises, cooldowns and their bounds. Rules observe at epoch ends or every 1, 5 or 20
/// units of the clock (<see cref="AdaptiveSched.Every"/>).
/// </para>
/// <para>Thread-safety: generators are immutable values; sampling is as safe as FsCheck's.</para>
/// </remarks>
public static class AdaptiveSchedGen
{
    private static readonly Gen<Sched> Scalar = SchedGen.Any(SchedGenOptions.Default with { GroupCount = 1 });

    private static readonly Gen<int> Every = Gen.Elements(0, 0, 1, 5, 20);

    /// <summary>Reduction factors in (0, 1): 0.001 to 0.999.</summary>
    public static Gen<double> Factor { get; } = Gen.Choose(1, 999).Select(i => i / 1000.0);

    /// <summary>Reduce-on-plateau rules (<see cref="AdaptiveSched.Plateau"/>) over <paramref name="planned"/>, both modes and both threshold modes.</summary>
    /// <param name="planned">The planned schedules they scale; null for any scalar schedule (<see cref="SchedGen.Any(SchedGenOptions)"/>, one group).</param>
    public static Gen<AdaptiveSched> Plateau(Gen<Sched>? planned = null) =>
        from inner in planned ?? Scalar
        from factor in Factor
        from patience in Gen.Choose(0, 4)
        from threshold in Gen.Elements(0.0, 1e-4, 0.01, 0.1)
        from thresholdMode in Gen.Elements(ThresholdMode.Relative, ThresholdMode.Absolute)
        from cooldown in Gen.Choose(0, 3)
        from minLr in Gen.Elements(0.0, 1e-6, 1e-3)
        from eps in Gen.Elements(0.0, 1e-8)
        from mode in Gen.Elements(PlateauMode.Min, PlateauMode.Max)
        from every in Every
        select AdaptiveSched.Plateau(inner, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, mode, every);

    /// <summary>GreedyLR rules (<see cref="AdaptiveSched.Greedy"/>) over <paramref name="planned"/>.</summary>
    /// <param name="planned">The planned schedules they scale; null for any scalar schedule.</param>
    public static Gen<AdaptiveSched> Greedy(Gen<Sched>? planned = null) =>
        from inner in planned ?? Scalar
        from factor in Factor
        from patience in Gen.Choose(0, 4)
        from threshold in Gen.Elements(0.0, 1e-4, 0.01)
        from cooldown in Gen.Choose(0, 3)
        from warmup in Gen.Choose(0, 3)
        from minLr in Gen.Elements(0.0, 1e-6)
        from maxLr in Gen.Elements(1.0, 10.0, 1e3)
        from every in Every
        select AdaptiveSched.Greedy(inner, factor, patience, threshold, cooldown, warmup, minLr, maxLr, every);

    /// <summary>
    /// Any adaptive schedule: a plateau or GreedyLR rule alone, or as the middle phase between a planned start and a
    /// <c>from_current</c> 1-sqrt cooldown (<see cref="AdaptivePart.FromCurrent"/>), at random joins.
    /// </summary>
    /// <param name="planned">The planned schedules of the rules and the start; null for any scalar schedule.</param>
    public static Gen<AdaptiveSched> Any(Gen<Sched>? planned = null)
    {
        var inner = planned ?? Scalar;
        return from rule in Gen.OneOf(Plateau(inner), Greedy(inner))
               from before in inner
               from split in Gen.Choose(1, 999).Select(i => i / 1000.0)
               from phased in Gen.Elements(false, true)
               select phased
                   ? before.Then(split / 2, rule).Then(split / 2 + 0.5, AdaptivePart.FromCurrent(Sched.CooldownSqrt(1)))
                   : rule;
    }

    /// <summary>Metrics as a fit sees them: losses in [0, 10] on a 0.1 grid, so that ties (no improvement) are frequent.</summary>
    public static Gen<double[]> Metrics { get; } = Gen.Choose(0, 100).Select(i => i / 10.0).ArrayOf();
}
