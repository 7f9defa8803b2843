namespace SchedDsl;

/// <summary>
/// One scalar schedule per parameter group, evaluated together: <see cref="At(double, Span{double})"/> writes every
/// group's value for a position without allocating.
/// </summary>
/// <remarks>
/// When every group's schedule has the same shape (the usual case: one preset with a list or slice of peaks), the
/// segment is found once per position and only the endpoints differ per group — the cost of a hand-written loop.
/// Otherwise each group is evaluated on its own. Immutable; thread-safe.
/// </remarks>
public sealed class SchedGroups
{
    private readonly Sched[] scheds;
    private readonly SharedShape? shared;

    /// <summary>Resolves <paramref name="sched"/> for <paramref name="groupCount"/> groups (see <see cref="Sched.ForGroups"/>).</summary>
    public SchedGroups(Sched sched, int groupCount)
    {
        ArgumentNullException.ThrowIfNull(sched);
        scheds = sched.ForGroups(groupCount);
        Source = sched;
        shared = SharedShape.TryCreate(scheds);
    }

    /// <summary>The schedule these groups were resolved from.</summary>
    public Sched Source { get; }

    /// <summary>The number of groups.</summary>
    public int Count => scheds.Length;

    /// <summary>Group <paramref name="group"/>'s scalar schedule.</summary>
    public Sched this[int group] => scheds[group];

    /// <summary>Writes each group's value at <paramref name="pos"/> into <paramref name="values"/> (first group first).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> outside [0, 1].</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not <see cref="Count"/> long.</exception>
    public void At(double pos, Span<double> values)
    {
        if (values.Length != scheds.Length)
        {
            throw new ArgumentException($"values has length {values.Length} but there are {scheds.Length} groups", nameof(values));
        }
        if (shared is null)
        {
            for (var g = 0; g < scheds.Length; g++)
            {
                values[g] = scheds[g].At(pos);
            }
            return;
        }
        if (!(pos >= 0.0 && pos <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pos), pos, $"pos must be in [0, 1], got {Validation.NumberText.Format(pos)}");
        }
        shared.Eval(pos, values);
    }
}
