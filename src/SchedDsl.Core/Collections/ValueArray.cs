using System.Collections;

namespace SchedDsl.Collections;

/// <summary>
/// An immutable array with structural equality, so that records holding one compare by content.
/// </summary>
/// <remarks>
/// <see cref="System.Collections.Immutable.ImmutableArray{T}"/> compares by reference, which would break the
/// structural equality that schedules promise. Thread-safe: the contents never change after construction.
/// </remarks>
/// <typeparam name="T">The element type; its own <see cref="object.Equals(object)"/> decides element equality.</typeparam>
public readonly struct ValueArray<T> : IEquatable<ValueArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? items;

    /// <summary>Copies <paramref name="items"/> into a new value array.</summary>
    public ValueArray(IEnumerable<T> items) => this.items = [.. items];

    private ValueArray(T[] owned, bool _) => items = owned;

    internal static ValueArray<T> Own(T[] owned) => new(owned, true);

    /// <summary>The elements, without copying.</summary>
    public ReadOnlySpan<T> AsSpan() => items;

    /// <summary>The elements' own array, for internal readers that only read it (the declarations' checks).</summary>
    internal T[] Shared => items ?? [];

    /// <inheritdoc />
    public int Count => items?.Length ?? 0;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> outside [0, <see cref="Count"/>).</exception>
    public T this[int index] => items is not null && (uint)index < (uint)items.Length ? items[index] : throw OutOfRange(index);

    private ArgumentOutOfRangeException OutOfRange(int index) => new(
        nameof(index), index, Count == 0 ? $"index {index} is out of range: the array is empty" : $"index must be in [0, {Count - 1}], got {index}");

    /// <inheritdoc />
    public bool Equals(ValueArray<T> other) =>
        AsSpan().SequenceEqual(other.AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <summary>Structural equality.</summary>
    public static bool operator ==(ValueArray<T> left, ValueArray<T> right) => left.Equals(right);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(ValueArray<T> left, ValueArray<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
