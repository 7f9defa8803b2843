using System.Buffers;
using System.Text.Json;

namespace SchedDsl.Serialization;

public static partial class SchedJson
{
    /// <summary>
    /// The JSON of the adaptive schedule <paramref name="sched"/>, in the planned JSON's shape: a rule is
    /// <c>{"fn":"plateau","sched":{…},"factor":0.5,…}</c> with every parameter written out, a phased one
    /// <c>{"fn":"combine","pcts":[…],"phases":[…]}</c>, a <c>from_current</c> phase <c>{"fn":"from_current","sched":{…}}</c>.
    /// <see cref="DeserializeAdaptive"/> reads it back to an equal schedule.
    /// </summary>
    /// <param name="sched">The adaptive schedule.</param>
    /// <param name="indented">Indent nested objects (for config files).</param>
    public static string Serialize(AdaptiveSched sched, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(sched);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, indented ? Pretty : default))
        {
            AdaptiveJsonWriter.Write(writer, sched);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads an adaptive schedule from <paramref name="json"/>: what <see cref="Serialize(AdaptiveSched, bool)"/> writes
    /// (parameters with defaults may be left out), or a JSON string holding the text form (<see cref="AdaptiveSched.Parse"/>).
    /// Planned parts are any JSON <see cref="Deserialize"/> accepts.
    /// </summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="JsonException">
    /// Malformed JSON, a planned schedule, or invalid values: every problem, one line each, with its JSON path, e.g.
    /// <c>$.phases[1].factor: plateau: factor must be in (0, 1), got 2</c>.
    /// </exception>
    public static AdaptiveSched DeserializeAdaptive(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return AdaptiveJsonReader.Read(json);
    }
}
