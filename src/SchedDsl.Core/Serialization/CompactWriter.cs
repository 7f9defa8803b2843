using System.Text.Json;

namespace SchedDsl.Serialization;

/// <summary>
/// <see cref="SchedJson.Serialize(Sched, bool)"/>'s compact form through one pooled buffer and one <see cref="Utf8JsonWriter"/> per
/// thread, reset between uses: a serialization then allocates only its string, however large the schedule.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001", Justification = "Utf8JsonWriter holds no unmanaged resource: Dispose only flushes, and the writer lives as long as its thread.")]
internal sealed class CompactWriter
{
    // The buffer keeps up to this size between uses; a larger one goes back to the pool, so one huge schedule does
    // not pin a huge buffer to the thread (and the next huge one rents it again instead of growing a fresh one).
    private const int KeptBytes = 16 * 1024;

    [ThreadStatic]
    private static CompactWriter? cached;

    private readonly PooledBufferWriter buffer = new();
    private readonly Utf8JsonWriter writer;

    // No structural validation per token: SchedJsonWriter writes whole objects and lists by construction, and the
    // tests read every form it writes back.
    private CompactWriter() => writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true });

    public static string Serialize(Sched sched)
    {
        // Taken while in use, so a failed write (an internal part) leaves no half-written state behind for the next.
        var state = cached ?? new CompactWriter();
        cached = null;
        state.writer.Reset(state.buffer);
        SchedJsonWriter.Write(state.writer, sched);
        state.writer.Flush();
        var json = System.Text.Encoding.UTF8.GetString(state.buffer.WrittenSpan);
        state.buffer.Reset(KeptBytes);
        cached = state;
        return json;
    }
}
