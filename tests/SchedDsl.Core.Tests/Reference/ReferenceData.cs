using System.Text.Json;
using System.Text.Json.Nodes;

namespace SchedDsl.Core.Tests.Reference;

/// <summary>
/// Loads the reference numbers in tests/reference/ (made by the scripts beside them; see tests/reference/README.md).
/// </summary>
internal static class ReferenceData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // The scripts write NaN as "NaN" to keep the files strict JSON.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static JsonNode Load(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", fileName)))
        ?? throw new InvalidDataException($"{fileName} is empty");

    public static double[] Doubles(JsonNode? node) =>
        node.Deserialize<double[]>(Options) ?? throw new InvalidDataException("expected an array of numbers");
}
