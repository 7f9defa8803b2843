using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Core.Tests.Laws;
using SchedDsl.Testing;

namespace SchedDsl.Core.Tests.Time;

/// <summary>Fits re-planned mid-run: a scalar schedule, its plan N, the resume point k &lt;= N and a new total M &gt;= k.</summary>
internal static class TimeGens
{
    /// <summary>Scalar schedules from the table-driven generator (every function, nested by size).</summary>
    public static readonly Gen<Sched> Scalar = SchedGen.Any(SchedGenOptions.Default with { GroupCount = 1 });

    /// <summary>Per-group schedules for three groups, evaluated the training edge's way (<see cref="SchedGroups"/>).</summary>
    public static readonly Gen<Sched> ThreeGroups = SchedGen.Any();

    /// <summary>
    /// (N, k, M): N in [1, 5000]; k anywhere in [0, N], its ends often; M from k (or 1) to 3N, N itself often. Whole
    /// units, as steps and samples are.
    /// </summary>
    public static readonly Gen<(int Planned, int At, int Total)> Plan =
        from planned in Gen.Frequency((1, Gen.Choose(1, 20)), (3, Gen.Choose(1, 5000)))
        from at in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(planned)), (6, Gen.Choose(0, planned)))
        from total in Gen.Frequency((1, Gen.Constant(planned)), (1, Gen.Constant(Math.Max(at, 1))), (6, Gen.Choose(Math.Max(at, 1), 3 * planned)))
        select (planned, at, total);

    /// <summary>A plan with a step before <c>k</c> to look at (<c>i &lt; k</c>), and a fraction picking a second one.</summary>
    public static readonly Gen<((int Planned, int At, int Total) Plan, int Step)> PlanWithHistory =
        from plan in Plan.Where(p => p.At > 0)
        from step in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(plan.At - 1)), (4, Gen.Choose(0, plan.At - 1)))
        select (plan, step);

    public static Gen<(T1, T2)> Zip<T1, T2>(Gen<T1> a, Gen<T2> b) => LawGens.Zip(a, b);

    /// <summary>The bits of a double, so that a failing assertion says which differ.</summary>
    public static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
