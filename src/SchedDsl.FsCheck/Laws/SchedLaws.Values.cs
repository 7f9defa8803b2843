namespace SchedDsl.Testing;

public static partial class SchedLaws
{
    /// <summary>The schedule is a finite number everywhere on [0, 1] (no NaN, no ±∞), in every group.</summary>
    /// <param name="sched">The schedule.</param>
    /// <param name="groupCount">The parameter groups its per-group values are for.</param>
    /// <exception cref="SchedLawException">A position where it is not.</exception>
    public static void Finite(Sched sched, int groupCount = DefaultGroupCount)
    {
        foreach (var (group, text) in Groups("finite", sched, groupCount))
        {
            foreach (var pos in Probes(group))
            {
                var value = group.At(pos);
                if (!double.IsFinite(value))
                {
                    throw new SchedLawException("finite", text, pos, $"the value is {value}");
                }
            }
        }
    }

    /// <summary>
    /// Every value on [0, 1], in every group, lies between <paramref name="min"/> and <paramref name="max"/>, e.g.
    /// <c>KeepsWithin(lr, 0, 1e-1, minExclusive: true)</c> for "lr in (0, 0.1]".
    /// </summary>
    /// <param name="sched">The schedule.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <param name="minExclusive">Whether a value may not equal <paramref name="min"/>.</param>
    /// <param name="maxExclusive">Whether a value may not equal <paramref name="max"/>.</param>
    /// <param name="groupCount">The parameter groups its per-group values are for.</param>
    /// <exception cref="SchedLawException">A position where a value is outside (or not finite).</exception>
    public static void KeepsWithin(
        Sched sched, double min, double max, bool minExclusive = false, bool maxExclusive = false, int groupCount = DefaultGroupCount)
    {
        var shown = $"{(minExclusive ? "(" : "[")}{min:R}, {max:R}{(maxExclusive ? ")" : "]")}";
        foreach (var (group, text) in Groups("keeps within " + shown, sched, groupCount))
        {
            foreach (var pos in Probes(group))
            {
                var value = group.At(pos);
                var aboveMin = minExclusive ? value > min : value >= min;
                var belowMax = maxExclusive ? value < max : value <= max;
                if (!(aboveMin && belowMax))
                {
                    throw new SchedLawException("keeps within " + shown, text, pos, $"the value is {value:R}");
                }
            }
        }
    }

    /// <summary>Whether <see cref="KeepsWithin"/> holds (closed bounds), for generators that filter.</summary>
    internal static bool IsWithin(Sched sched, double min, double max, int groupCount)
    {
        IReadOnlyList<Sched> groups = sched.IsPerGroup ? sched.ForGroups(groupCount) : [sched];
        return groups.All(g => Probes(g).All(pos => g.At(pos) is var v && v >= min && v <= max));
    }
}
