using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchedDsl.LrFinding;

public sealed partial class LrFindCurve
{
    /// <summary>
    /// The curve as the JSON <c>schedsl suggest</c> reads: <c>{"lrs":[…],"losses":[…],"num_it":N}</c>, a loss that is
    /// not finite as the string <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c> (JSON has no such numbers).
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteArray(writer, "lrs", _lrs);
            WriteArray(writer, "losses", _losses);
            writer.WriteNumber("num_it", NumIt);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads the JSON <see cref="ToJson"/> writes (and <c>schedsl suggest</c> reads). Other properties are ignored, so
    /// a curve object of <c>tests/reference/fastai_reference.json</c> reads as it is; without <c>num_it</c>, it is the
    /// number of points.
    /// </summary>
    /// <exception cref="FormatException">Not JSON, not an object, <c>lrs</c> or <c>losses</c> not an array of numbers (or <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>), or <c>num_it</c> not an integer &gt;= 0; the message says where.</exception>
    /// <exception cref="SchedArgumentException"><c>lrs</c> and <c>losses</c> of different lengths.</exception>
    public static LrFindCurve FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            throw new FormatException($"not valid JSON: {error.Message}", error);
        }
        if (root is not JsonObject curve)
        {
            throw new FormatException($"expected an object {{\"lrs\":[...],\"losses\":[...],\"num_it\":N}}, got {Describe(root)}");
        }
        var lrs = Numbers(curve, "lrs");
        var losses = Numbers(curve, "losses");
        return new LrFindCurve(lrs, losses, curve["num_it"] is { } numIt ? Count(numIt) : lrs.Length);
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, double[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            }
        }
        writer.WriteEndArray();
    }

    private static double[] Numbers(JsonObject curve, string field) => curve[field] is JsonArray array
        ? [.. array.Select((item, i) => Number(item) ?? throw new FormatException($"{field}[{i}] must be a number or \"NaN\", got {Describe(item)}"))]
        : throw new FormatException($"\"{field}\" must be an array of numbers, got {Describe(curve[field])}");

    private static double? Number(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.AsValue().TryGetValue<double>(out var value) ? value : null,
        JsonValueKind.String => node.GetValue<string>() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => null,
        },
        _ => null,
    };

    private static int Count(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var n) && n >= 0
            ? n
            : throw new FormatException($"\"num_it\" must be an integer >= 0, got {Describe(node)}");

    private static string Describe(JsonNode? node) => node is null ? "nothing" : node.ToJsonString();
}
