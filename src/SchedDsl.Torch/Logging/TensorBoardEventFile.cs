using System.Buffers.Binary;
using System.Numerics;
using Google.Protobuf;
using Tensorboard;

namespace SchedDsl.Torch;

/// <summary>
/// One TensorBoard event file, appended record by record: TFRecord framing (the payload's length as u64, its masked
/// CRC-32C, the payload, the payload's masked CRC-32C; little-endian) around TorchSharp's generated <c>Event</c>
/// protobuf. Every record's <c>wall_time</c> is Unix seconds with sub-second precision, as PyTorch's
/// <c>time.time()</c>.
/// </summary>
/// <remarks>
/// Written here rather than through TorchSharp's <c>SummaryWriter</c> (0.107), whose first record, the file version,
/// carries <c>DateTime.Now.Ticks</c> (6.4e17, read by TensorBoard as seconds 20 billion years away) while its scalars
/// carry whole Unix seconds. The file is opened per record, as <c>SummaryWriter</c> does, so nothing stays open
/// between batches or after an exception. Not thread-safe.
/// </remarks>
internal sealed class TensorBoardEventFile
{
    private static int s_files;

    private readonly TimeProvider _clock;

    /// <summary>Creates <paramref name="directory"/> if needed and a new event file in it, starting with the file version.</summary>
    public TensorBoardEventFile(string directory, TimeProvider clock)
    {
        _clock = clock;
        Directory.CreateDirectory(directory);
        // TensorBoard's naming: events.out.tfevents.<unix seconds>.<host>; PyTorch adds the process and a counter.
        Path = System.IO.Path.Combine(directory,
            $"events.out.tfevents.{clock.GetUtcNow().ToUnixTimeSeconds()}.{Environment.MachineName}.{Environment.ProcessId}.{Interlocked.Increment(ref s_files)}");
        Append(new Event { FileVersion = "brain.Event:2" });
    }

    /// <summary>The event file.</summary>
    public string Path { get; }

    /// <summary>Appends one event holding every scalar of <paramref name="values"/> at <paramref name="step"/>.</summary>
    public void WriteScalars(long step, IReadOnlyList<(string Tag, float Value)> values)
    {
        var summary = new Summary();
        foreach (var (tag, value) in values)
        {
            summary.Value.Add(new Summary.Types.Value { Tag = tag, SimpleValue = value });
        }
        Append(new Event { Step = step, Summary = summary });
    }

    /// <summary>Seconds since 1970-01-01 UTC, to the tick (100 ns), as TensorBoard reads <c>wall_time</c>.</summary>
    internal static double UnixSeconds(DateTimeOffset time)
    {
        // Whole seconds and the fraction apart: today's tick count (1.8e16) has more digits than a double keeps.
        var (seconds, ticks) = Math.DivRem((time - DateTimeOffset.UnixEpoch).Ticks, TimeSpan.TicksPerSecond);
        return seconds + (ticks / (double)TimeSpan.TicksPerSecond);
    }

    private void Append(Event record)
    {
        record.WallTime = UnixSeconds(_clock.GetUtcNow());
        var payload = record.ToByteArray();
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], MaskedCrc(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, MaskedCrc(payload));
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(header);
        file.Write(payload);
        file.Write(footer);
    }

    /// <summary>TFRecord's masked CRC-32C (Castagnoli): the checksum rotated right by 15 bits plus a constant.</summary>
    internal static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
    }
}
