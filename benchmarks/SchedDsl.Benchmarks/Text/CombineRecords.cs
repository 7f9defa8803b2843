using System.Text.Json.Serialization;

namespace SchedDsl.Benchmarks.Text;

// The combine's JSON as plain records, read and written by System.Text.Json's source generator: what a careful
// person would write for this one shape, with no schedule semantics (no checks, no Sched values). It builds an object
// graph of about the same size as the schedule, so it shows what the runtime's collector charges any such reader.

/// <summary>One part: <c>{"fn":"cos","start":0.1,"end":0.2}</c>.</summary>
public sealed record PartRecord(string Fn, double Start, double End);

/// <summary>The combine: <c>{"fn":"combine","pcts":[…],"scheds":[…]}</c>.</summary>
public sealed record CombineRecord(string Fn, double[] Pcts, PartRecord[] Scheds);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CombineRecord))]
internal sealed partial class CombineRecordContext : JsonSerializerContext;
