namespace SchedDsl;

/// <summary>
/// A fit planned for <see cref="Planned"/> units, resumed after <see cref="At"/> of them with a new total of
/// <see cref="Total"/>: which of the new fit's positions are history, and where the original fit evaluated them.
/// </summary>
/// <remarks>
/// A fit evaluates unit <c>i</c> of <c>T</c> at <c>i/T</c> (<see cref="Positions.At"/>). The new fit's position
/// <c>i/Total</c> is taken back to units, and unit <c>i &lt; At</c> is evaluated at <c>i/Planned</c>: the very double the
/// original fit evaluated, so history is bit-identical. Pure; allocation-free.
/// </remarks>
internal readonly record struct ResumePoint(double Planned, double At, double Total)
{
    // (i/T)·T is i only within a few ulps (1/49·49 is 0.9999999999999999 in double). A unit this close to a whole number,
    // relative to its size, is that number: ~4500 times the rounding of one division and one product, and far below
    // the 1 unit that separates two steps.
    private const double WholeSnap = 1e-12;

    /// <summary>The new fit's position <paramref name="pos"/> in units of <see cref="Total"/>, a whole unit where it rounds to one.</summary>
    public double Units(double pos)
    {
        var units = pos * Total;
        var whole = Math.Round(units);
        return Math.Abs(units - whole) <= WholeSnap * Math.Max(1, whole) ? whole : units;
    }

    /// <summary>Where the original fit evaluated <paramref name="units"/> (history: below <see cref="At"/>).</summary>
    public double OriginalPosition(double units) => Math.Min(1, units / Planned);
}
