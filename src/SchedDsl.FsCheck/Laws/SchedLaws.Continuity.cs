using SchedDsl.Testing.Inspection;

namespace SchedDsl.Testing;

public static partial class SchedLaws
{
    /// <summary>
    /// How far the values either side of a join may differ, relative to the larger: the part before it ends at
    /// exactly the number the next one starts from, so only rounding separates them.
    /// </summary>
    public const double JoinTolerance = 1e-9;

    // A 1-sqrt decay (wsd_sqrt, cooldown_sqrt, branch_sqrt) starts with an infinite slope: the join position's own
    // rounding, an ulp or a few through nested combines, divided by a short decay's width, moves it by the square root
    // of that, 1e-8 to 1e-6 relative, where a finite slope moves it by 1e-16. A real jump is far larger.
    private const double SqrtJoinTolerance = 1e-5;

    /// <summary>
    /// The schedule does not jump at the joins its definition promises continuous, in every group: the part before
    /// a join ends (<c>At(1)</c>) where the schedule is at the join. Promised by <c>combined_cos</c>,
    /// <c>one_cycle</c>, <c>flat_cos</c>, the warmups, <c>wsd</c>, <c>one_cycle_3phase</c>, <c>exponential_decay</c>,
    /// <c>poly_decay</c> and <c>inverse_sqrt</c>; not by restarts, staircases, <c>cyclic</c> or a plain
    /// <c>combine</c>, whose parts are yours — pass <paramref name="everyJoin"/> to hold those to it too.
    /// </summary>
    /// <param name="sched">The schedule.</param>
    /// <param name="groupCount">The parameter groups its per-group values are for.</param>
    /// <param name="everyJoin">Check every join of a combine, promised or not (for parts you built to meet).</param>
    /// <exception cref="SchedLawException">A join where it jumps by more than <see cref="JoinTolerance"/> relative (1e-5 where a 1-sqrt decay starts: its slope there is infinite, so the position's rounding shows).</exception>
    public static void ContinuousAtJoins(Sched sched, int groupCount = DefaultGroupCount, bool everyJoin = false)
    {
        foreach (var (group, text) in Groups("continuous at joins", sched, groupCount))
        {
            foreach (var join in SchedStructure.Joins(group))
            {
                if (join.EndingPart is not { } before || !(join.PromisedContinuous || everyJoin))
                {
                    continue;
                }
                var left = before.At(1);
                var right = group.At(join.Position);
                var tolerance = join.Owner.EndsWith("_sqrt", StringComparison.Ordinal) ? SqrtJoinTolerance : JoinTolerance;
                if (!(Math.Abs(left - right) <= tolerance * Math.Max(Math.Abs(left), Math.Abs(right))))
                {
                    throw new SchedLawException(
                        "continuous at joins", text, join.Position, $"{join.Owner} jumps from {left:R} (end of {before}) to {right:R}");
                }
            }
        }
    }
}
