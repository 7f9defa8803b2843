using System.Buffers;
using System.Text.Json;

namespace SchedDsl.Serialization;

/// <summary>
/// Schedules as JSON (System.Text.Json), for configs and checkpoints: every call is an object naming its function
/// and every parameter by its fastai name, defaults included, e.g.
/// <c>{"fn":"one_cycle","lr_max":0.01,"div":25,"div_final":100000,"pct_start":0.25}</c>.
/// </summary>
/// <remarks>
/// <para>
/// The shape follows the text form's function table, so every function the text form knows (including ones
/// registered later) round-trips: <c>Deserialize(Serialize(s)) == s</c>. A bare number, a list of numbers or a
/// <c>{"fn":"slice",…}</c> object is a constant schedule; a per-group value is a number, a list, or
/// <c>{"fn":"slice","start":0.001,"stop":0.01}</c> / <c>{"fn":"slice","stop":0.01}</c> / <c>{"fn":"slice_v1","stop":0.01}</c>.
/// On reading, parameters with defaults may be left out, and a JSON string holding the text form is accepted too.
/// </para>
/// <para>
/// Errors are <see cref="JsonException"/>s whose message names the JSON path and the same problem the text form
/// reports, e.g. <c>$.div: one_cycle: div must be &gt; 0, got 0</c>. See docs/text-form.md, "JSON".
/// </para>
/// <para>Thread-safety: stateless; every member is safe to call from any thread.</para>
/// </remarks>
public static partial class SchedJson
{
    private static readonly JsonWriterOptions Pretty = new() { Indented = true };
    private static readonly JsonReaderOptions ElementOptions = new() { MaxDepth = 2 * Text.SyntaxParser.MaxDepth };

    // JSON up to this many UTF-8 bytes is read from the stack.
    private const int StackBytes = 1024;

    /// <summary>The JSON of <paramref name="sched"/>.</summary>
    /// <param name="sched">The schedule.</param>
    /// <param name="indented">Indent nested objects (for config files).</param>
    public static string Serialize(Sched sched, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(sched);
        if (indented)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, Pretty))
            {
                Write(writer, sched);
            }
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        return CompactWriter.Serialize(sched);
    }

    /// <summary>Reads a schedule from <paramref name="json"/>.</summary>
    /// <param name="json">The JSON: an object, a number, a list, or a string in the text form.</param>
    /// <param name="customAnnealers">User annealers (<see cref="Sched.Annealer"/>) the JSON may name in <c>fn</c>.</param>
    /// <exception cref="JsonException">Malformed JSON or an invalid schedule, with the JSON path.</exception>
    public static Sched Deserialize(string json, params AnnealerFactory[] customAnnealers)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Transcoded to UTF-8 on the stack (or a pooled array when long), then read in one pass: no JsonDocument.
        var bytes = System.Text.Encoding.UTF8.GetByteCount(json);
        var rented = bytes > StackBytes ? ArrayPool<byte>.Shared.Rent(bytes) : null;
        try
        {
            var buffer = rented ?? stackalloc byte[bytes];
            var length = System.Text.Encoding.UTF8.GetBytes(json, buffer);
            return SchedJsonReader.Read(buffer[..length], customAnnealers ?? [], default, validated: false);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes <paramref name="sched"/> as one JSON value.</summary>
    public static void Write(Utf8JsonWriter writer, Sched sched)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sched);
        SchedJsonWriter.Write(writer, sched);
    }

    /// <summary>Reads a schedule from one JSON value.</summary>
    /// <exception cref="JsonException">An invalid schedule, with the JSON path.</exception>
    public static Sched Read(JsonElement element, params AnnealerFactory[] customAnnealers) =>
        // The element's own text, read in one pass; its depth was bounded by its document's options, and the reader
        // bounds schedules' nesting itself, so the reader's own limit is set above that bound.
        SchedJsonReader.Read(
            System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element), customAnnealers ?? [], ElementOptions, validated: true);
}
