using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SchedDsl.Serialization;

namespace SchedDsl.Benchmarks.Text;

/// <summary>
/// Issue 22, item 5: how reading and writing scale with a schedule's size. A <c>combine</c> of <see cref="Segments"/>
/// parts (cosines and linear ramps with random endpoints and widths, fixed seed) read from its text, written as JSON and
/// read back; <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of the same JSON is the linear floor. The
/// cost per segment is the mean (or the minimum, the least disturbed iteration) divided by <see cref="Segments"/>
/// (docs/benchmarks.md, section 7; <c>scripts/text-scaling-table.py</c> makes its table from the CSV report).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class TextScalingBenchmarks
{
    private string text = "";
    private string json = "";
    private Sched sched = Sched.Cos(0, 1);
    private double[] pcts = [];
    private double[] starts = [];
    private double[] ends = [];
    private CombineRecord records = new("combine", [], []);

    // What a caller writing a large schedule to a file or socket keeps between writes.
    private readonly ArrayBufferWriter<byte> buffer = new();

    /// <summary>Parts in the combine.</summary>
    [Params(100, 1000, 10000)]
    public int Segments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(22);
        var raw = Enumerable.Range(0, Segments).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var total = raw.Sum();
        pcts = raw.Select(r => r / total).ToArray();
        starts = new double[Segments];
        ends = new double[Segments];
        for (var i = 0; i < Segments; i++)
        {
            (starts[i], ends[i]) = (random.NextDouble(), random.NextDouble());
        }
        sched = Build();
        text = sched.ToString();
        json = SchedJson.Serialize(sched);
        records = JsonSerializer.Deserialize(json, CombineRecordContext.Default.CombineRecord)!;
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse of its JSON")]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "the same schedule built with the C# API")]
    public Sched Build()
    {
        var parts = new Sched[Segments];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = i % 2 == 0 ? Sched.Cos(starts[i], ends[i]) : Sched.Lin(starts[i], ends[i]);
        }
        return Sched.CombineScheds(pcts, parts);
    }

    [Benchmark(Description = "a string as long as its JSON")]
    public string StringOfJsonLength() => new(' ', json.Length);

    [Benchmark(Description = "System.Text.Json: its JSON into records")]
    public CombineRecord RecordsFromJson() => JsonSerializer.Deserialize(json, CombineRecordContext.Default.CombineRecord)!;

    [Benchmark(Description = "System.Text.Json: records to JSON")]
    public string RecordsToJson() => JsonSerializer.Serialize(records, CombineRecordContext.Default.CombineRecord);

    [Benchmark(Description = "Sched.Parse")]
    public Sched Parse() => Sched.Parse(text);

    [Benchmark(Description = "SchedJson.Serialize")]
    public string Serialize() => SchedJson.Serialize(sched);

    [Benchmark(Description = "SchedJson.Write to a reused buffer")]
    public int WriteToBuffer()
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SchedJson.Write(writer, sched);
        }
        return buffer.WrittenCount;
    }

    [Benchmark(Description = "SchedJson.Deserialize")]
    public Sched Deserialize() => SchedJson.Deserialize(json);
}
