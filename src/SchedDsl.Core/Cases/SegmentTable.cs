namespace SchedDsl;

/// <summary>
/// A combine's segments, in chunks that each stay under the large object heap's threshold (85,000 bytes).
/// </summary>
/// <remarks>
/// One flat array of a 10,000-part combine is 560 KB: every parse or read of such a text allocated it on the large
/// object heap, and that heap's budget, spent every few dozen calls, set off a full (generation 2) collection, which
/// made reading a long combine cost more per part than a short one (issue 22, item 5; docs/benchmarks.md, section 7).
/// Chunks of 1,024 segments are small objects; a combine of up to 1,024 parts has one. Structural equality, as the
/// record holding it promises. Immutable once its owner's constructor has filled it.
/// </remarks>
internal readonly struct SegmentTable : IEquatable<SegmentTable>
{
    // 1,024 segments of 56 bytes: 57 KB per chunk.
    private const int Shift = 10;
    private const int Mask = (1 << Shift) - 1;

    private readonly CombineSched.Segment[][]? chunks;

    /// <summary>A table of <paramref name="length"/> default segments, for the owner's constructor to fill.</summary>
    public SegmentTable(int length)
    {
        Length = length;
        chunks = new CombineSched.Segment[(length + Mask) >> Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            chunks[c] = new CombineSched.Segment[Math.Min(Mask + 1, length - (c << Shift))];
        }
    }

    /// <summary>How many segments the table holds.</summary>
    public int Length { get; }

    /// <summary>The segment at <paramref name="index"/>, in [0, <see cref="Length"/>).</summary>
    public ref readonly CombineSched.Segment this[int index] => ref chunks![index >> Shift][index & Mask];

    /// <summary>Writes the segment at <paramref name="index"/>: only while the owner is being constructed.</summary>
    internal void Set(int index, in CombineSched.Segment segment) => chunks![index >> Shift][index & Mask] = segment;

    /// <inheritdoc />
    public bool Equals(SegmentTable other)
    {
        if (Length != other.Length)
        {
            return false;
        }
        for (var c = 0; c < (chunks?.Length ?? 0); c++)
        {
            if (!chunks![c].AsSpan().SequenceEqual(other.chunks![c]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SegmentTable other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < Length; i++)
        {
            hash.Add(this[i]);
        }
        return hash.ToHashCode();
    }
}
