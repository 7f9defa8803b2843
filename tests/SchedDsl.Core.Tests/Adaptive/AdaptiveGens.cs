using FsCheck;
using SchedDsl.Testing;

namespace SchedDsl.Core.Tests.Adaptive;

/// <summary>The adaptive laws' generators: the FsCheck package's (<see cref="AdaptiveSchedGen"/>) over scalar planned schedules.</summary>
internal static class AdaptiveGens
{
    public static readonly Gen<Sched> Planned = Time.TimeGens.Scalar;

    public static readonly Gen<double> Factor = AdaptiveSchedGen.Factor;

    public static readonly Gen<AdaptiveSched> Plateau = AdaptiveSchedGen.Plateau(Planned);

    public static readonly Gen<AdaptiveSched> Greedy = AdaptiveSchedGen.Greedy(Planned);

    /// <summary>A rule alone, or as the middle phase between a planned start and a from_current cooldown.</summary>
    public static readonly Gen<AdaptiveSched> Any = AdaptiveSchedGen.Any(Planned);

    public static readonly Gen<double[]> Metrics = AdaptiveSchedGen.Metrics;
}
