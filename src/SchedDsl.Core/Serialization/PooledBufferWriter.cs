using System.Buffers;

namespace SchedDsl.Serialization;

/// <summary>
/// A growing byte buffer whose arrays come from <see cref="ArrayPool{T}.Shared"/>: a large schedule's JSON is written
/// without allocating a fresh (large object heap) array per doubling, as <see cref="System.Text.Json.JsonDocument"/>
/// reads it. Not thread-safe: one per thread (<see cref="CompactWriter"/>).
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(512);
    private int written;

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    /// <summary>Forgets what was written, handing a large array back to the pool.</summary>
    public void Reset(int keptBytes)
    {
        written = 0;
        if (buffer.Length > keptBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(512);
        }
    }

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
        {
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)needed, 2L * buffer.Length)));
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
