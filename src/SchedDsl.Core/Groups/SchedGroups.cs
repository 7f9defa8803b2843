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
    // Where value i goes in the caller's span, and that span's length: value i at i, for every public construction.
    private readonly int[] places;
    private readonly int width;

    /// <summary>Evaluates <paramref name="scheds"/> together, value <c>i</c> from <c>scheds[i]</c> (none is allowed: nothing to write).</summary>
    /// <remarks>Internal: the training edge's applier evaluates all its hyper-parameters' schedules in one pass with it.</remarks>
    /// <exception cref="ArgumentException">A null schedule, or one with per-group values (resolve it with <see cref="Sched.ForGroups"/> first).</exception>
    internal SchedGroups(IReadOnlyList<Sched> scheds)
        : this(Scalar(scheds), null, null, 0)
    {
    }

    /// <summary>
    /// Evaluates <paramref name="scheds"/> together into a span of <paramref name="width"/> values, value <c>i</c> at
    /// <c>places[i]</c>: the training edge evaluates straight into its recorded layout, which has room the schedules
    /// do not fill (a scalar learning rate is kept per group, for its per-group scale).
    /// </summary>
    /// <exception cref="ArgumentException">As the list constructor, or a place outside [0, width).</exception>
    internal SchedGroups(IReadOnlyList<Sched> scheds, int[] places, int width)
        : this(Scalar(scheds), null, places, width)
    {
    }

    /// <summary>Groups resolved by <see cref="Sched.ForGroups"/> from <paramref name="source"/>.</summary>
    internal SchedGroups(Sched[] scheds, Sched? source)
        : this(scheds, source, null, 0)
    {
    }

    private SchedGroups(Sched[] scheds, Sched? source, int[]? places, int width)
    {
        this.scheds = scheds;
        Source = source;
        this.places = places ?? [.. Enumerable.Range(0, scheds.Length)];
        this.width = places is null ? scheds.Length : width;
        if (this.places.Length != scheds.Length || this.places.Any(p => (uint)p >= (uint)this.width))
        {
            throw new ArgumentException($"{scheds.Length} schedules need as many places in [0, {width})", nameof(places));
        }
        (shapes, alone) = SharedShape.Partition(scheds, this.places);
    }

    /// <summary>The schedule these groups were resolved from.</summary>
    /// <remarks>Null only for the training edge's internal list of schedules, never for one built from a schedule.</remarks>
    public Sched? Source { get; }

    /// <summary>The number of values (groups).</summary>
    public int Count => scheds.Length;

    /// <summary>Group <paramref name="group"/>'s scalar schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> outside [0, <see cref="Count"/>).</exception>
    public Sched this[int group] => (uint)group < (uint)scheds.Length
        ? scheds[group]
        : throw new ArgumentOutOfRangeException(nameof(group), group, $"group must be in [0, {scheds.Length - 1}], got {group}");

    /// <summary>Each group's scalar schedule, first group first.</summary>
    public IEnumerator<Sched> GetEnumerator() => ((IEnumerable<Sched>)scheds).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes each group's value at <paramref name="pos"/> into <paramref name="values"/> (first group first).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> outside [0, 1].</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not <see cref="Count"/> long.</exception>
    public void At(double pos, Span<double> values)
    {
        if (values.Length != width)
        {
            throw new ArgumentException($"values has length {values.Length} but there are {width} groups", nameof(values));
        }
        if (!(pos >= 0.0 && pos <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pos), pos, $"pos must be in [0, 1], got {Validation.NumberText.Format(pos)}");
        }
        Write(pos, values);
    }

    /// <summary><see cref="At"/> for a caller that has checked <paramref name="pos"/> and the span's length: the training edge checks its step once.</summary>
    internal void Write(double pos, Span<double> values)
    {
        foreach (var shape in shapes)
        {
            shape.Eval(pos, values);
        }
        foreach (var i in alone)
        {
            values[places[i]] = scheds[i].Eval(pos);
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
