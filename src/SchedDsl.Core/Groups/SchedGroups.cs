using System.Collections;

namespace SchedDsl;

/// <summary>
/// A schedule resolved for a number of parameter groups (<see cref="Sched.ForGroups"/>): one scalar schedule per
/// group, and <see cref="At(double, Span{double})"/>, which writes every group's value for a position without allocating.
/// </summary>
/// <remarks>
/// Schedules of the same shape (the usual case: one preset with a list or slice of peaks, and a one-cycle momentum
/// next to a one-cycle learning rate) find their segment once per position and, on a cosine segment, share one
/// cosine; only the endpoints differ — the cost of a hand-written loop. Every other schedule is evaluated on its own.
/// Each value is bit-identical to that schedule's own <see cref="Sched.At"/>. Immutable; thread-safe.
/// </remarks>
public sealed class SchedGroups : IReadOnlyList<Sched>
{
    private readonly Sched[] scheds;
    private readonly SharedShape[] shapes;
    private readonly int[] alone;

    /// <summary>Evaluates <paramref name="scheds"/> together, value <c>i</c> from <c>scheds[i]</c> (none is allowed: nothing to write).</summary>
    /// <remarks>Internal: the training edge's applier evaluates all its hyper-parameters' schedules in one pass with it.</remarks>
    /// <exception cref="ArgumentException">A null schedule, or one with per-group values (resolve it with <see cref="Sched.ForGroups"/> first).</exception>
    internal SchedGroups(IReadOnlyList<Sched> scheds)
        : this(Scalar(scheds), null)
    {
    }

    /// <summary>Groups resolved by <see cref="Sched.ForGroups"/> from <paramref name="source"/>.</summary>
    internal SchedGroups(Sched[] scheds, Sched? source)
    {
        this.scheds = scheds;
        Source = source;
        (shapes, alone) = SharedShape.Partition(scheds);
    }

    /// <summary>The schedule these groups were resolved from.</summary>
    /// <remarks>Null only for the training edge's internal list of schedules, never for one built from a schedule.</remarks>
    public Sched? Source { get; }

    /// <summary>The number of values (groups).</summary>
    public int Count => scheds.Length;

    /// <summary>Group <paramref name="group"/>'s scalar schedule.</summary>
    public Sched this[int group] => scheds[group];

    /// <summary>Each group's scalar schedule, first group first.</summary>
    public IEnumerator<Sched> GetEnumerator() => ((IEnumerable<Sched>)scheds).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes each group's value at <paramref name="pos"/> into <paramref name="values"/> (first group first).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> outside [0, 1].</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not <see cref="Count"/> long.</exception>
    public void At(double pos, Span<double> values)
    {
        if (values.Length != scheds.Length)
        {
            throw new ArgumentException($"values has length {values.Length} but there are {scheds.Length} groups", nameof(values));
        }
        if (!(pos >= 0.0 && pos <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pos), pos, $"pos must be in [0, 1], got {Validation.NumberText.Format(pos)}");
        }
        foreach (var shape in shapes)
        {
            shape.Eval(pos, values);
        }
        foreach (var i in alone)
        {
            values[i] = scheds[i].Eval(pos);
        }
    }

    private static Sched[] Scalar(IReadOnlyList<Sched> scheds)
    {
        ArgumentNullException.ThrowIfNull(scheds);
        var copy = new Sched[scheds.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = scheds[i] ?? throw new ArgumentException($"scheds[{i}] is null", nameof(scheds));
            if (copy[i].IsPerGroup)
            {
                throw new ArgumentException($"scheds[{i}] ({copy[i]}) has per-group values; resolve it with ForGroups first", nameof(scheds));
            }
        }
        return copy;
    }
}
