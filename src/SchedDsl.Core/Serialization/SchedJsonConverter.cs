using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchedDsl.Serialization;

/// <summary>
/// A <see cref="JsonConverter{T}"/> for <see cref="Sched"/> in the shape of <see cref="SchedJson"/>: add it to
/// <see cref="JsonSerializerOptions.Converters"/>, or put <c>[JsonConverter(typeof(SchedJsonConverter))]</c> on a property.
/// </summary>
/// <remarks>
/// Reads the structured form, a number or list (a constant), or a string in the text form. Construct it with
/// the user annealers the JSON may name. Thread-safety: immutable; safe to share between serializer options.
/// </remarks>
public sealed class SchedJsonConverter : JsonConverter<Sched>
{
    private readonly AnnealerFactory[] customAnnealers;

    /// <summary>A converter for the built-in functions only (the form <c>[JsonConverter]</c> uses).</summary>
    public SchedJsonConverter()
        : this([])
    {
    }

    /// <summary>A converter that also knows <paramref name="customAnnealers"/>.</summary>
    public SchedJsonConverter(params AnnealerFactory[] customAnnealers) =>
        this.customAnnealers = [.. customAnnealers ?? []];

    /// <inheritdoc />
    public override Sched Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The serializer hands over the whole value, already checked to be JSON: read it in place.
        return SchedJsonReader.Read(ref reader, customAnnealers);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Sched value, JsonSerializerOptions options) =>
        SchedJson.Write(writer, value);
}
