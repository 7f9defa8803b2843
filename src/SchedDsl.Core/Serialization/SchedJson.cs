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
public static class SchedJson
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false };
    private static readonly JsonWriterOptions Pretty = new() { Indented = true };

    /// <summary>The JSON of <paramref name="sched"/>.</summary>
    /// <param name="sched">The schedule.</param>
    /// <param name="indented">Indent nested objects (for config files).</param>
    public static string Serialize(Sched sched, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(sched);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, indented ? Pretty : Compact))
        {
            Write(writer, sched);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a schedule from <paramref name="json"/>.</summary>
    /// <param name="json">The JSON: an object, a number, a list, or a string in the text form.</param>
    /// <param name="customAnnealers">User annealers (<see cref="Sched.Annealer"/>) the JSON may name in <c>fn</c>.</param>
    /// <exception cref="JsonException">Malformed JSON or an invalid schedule, with the JSON path.</exception>
    public static Sched Deserialize(string json, params AnnealerFactory[] customAnnealers)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, customAnnealers);
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
        SchedJsonReader.Read(element, customAnnealers ?? []);
}
