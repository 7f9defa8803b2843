using SchedDsl.Testing.Inspection;

namespace SchedDsl.Testing;

/// <summary>
/// The laws every schedule keeps, as checks that throw <see cref="SchedLawException"/> naming the schedule's text,
/// the group and the position: finite on [0, 1], the endpoints and continuity its definition promises, text and
/// JSON round trips, and bounds you choose (<see cref="KeepsWithin"/>).
/// </summary>
/// <remarks>
/// <para>
/// Use them on generated schedules (<c>Prop.ForAll(SchedGen.Arbitrary(), SchedLaws.All)</c>) or on the ones your
/// own code builds. A schedule is evaluated at 0, 1, a grid of 257 positions and every join
/// (<see cref="SchedGen.PositionIn"/>); where it has per-group values it is checked for each of
/// <c>groupCount</c> groups, so its lists must have that many entries.
/// </para>
/// <para>Thread-safety: stateless; every member is safe to call from any thread.</para>
/// </remarks>
public static partial class SchedLaws
{
    /// <summary>The group count the laws and <see cref="SchedGenOptions.GroupCount"/> use unless told otherwise.</summary>
    public const int DefaultGroupCount = 3;

    /// <summary>
    /// Every law that holds for every built-in schedule: <see cref="Finite"/>, <see cref="KeepsEndpoints"/>,
    /// <see cref="ContinuousAtJoins"/>, <see cref="RoundTripsThroughText"/> and <see cref="RoundTripsThroughJson"/>.
    /// </summary>
    /// <param name="sched">The schedule.</param>
    /// <exception cref="SchedLawException">The first law it breaks.</exception>
    public static void All(Sched sched) => All(sched, DefaultGroupCount);

    /// <inheritdoc cref="All(Sched)"/>
    /// <param name="sched">The schedule.</param>
    /// <param name="groupCount">The parameter groups its per-group values are for.</param>
    public static void All(Sched sched, int groupCount)
    {
        Finite(sched, groupCount);
        KeepsEndpoints(sched, groupCount);
        ContinuousAtJoins(sched, groupCount);
        RoundTripsThroughText(sched);
        RoundTripsThroughJson(sched);
    }

    /// <summary>The scalar schedule of each group, with a label for messages.</summary>
    private static IEnumerable<(Sched Sched, string Text)> Groups(string law, Sched sched, int groupCount)
    {
        ArgumentNullException.ThrowIfNull(sched);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupCount, 1);
        if (!sched.IsPerGroup)
        {
            return [(sched, sched.ToString())];
        }
        IReadOnlyList<Sched> groups;
        try
        {
            groups = sched.ForGroups(groupCount);
        }
        catch (ArgumentException e)
        {
            throw new SchedLawException(law, sched.ToString(), null, $"cannot be resolved for {groupCount} groups (pass the groupCount its lists are for): {e.Message}");
        }
        return groups.Select((g, i) => (g, $"{sched} (group {i} of {groupCount}: {g})"));
    }

    /// <summary>The positions a law evaluates <paramref name="sched"/> at.</summary>
    private static double[] Probes(Sched sched) => ProbePositions.For(sched);
}
