using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SchedDsl.Serialization;

namespace SchedDsl.Benchmarks.Text;

/// <summary>
/// Issue 22, item 5: how reading and writing scale with a schedule's size. A <c>combine</c> of <see cref="Segments"/>
/// parts (cosines and linear ramps with random endpoints and widths, fixed seed) read from its text, written as JSON and
/// read back; <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of the same JSON is the linear floor. The
/// cost per segment is the mean divided by <see cref="Segments"/> (docs/benchmarks.md, section 7).
/// </summary>
[MemoryDiagnoser]
public class TextScalingBenchmarks
{
    private string text = "";
    private string json = "";
    private Sched sched = Sched.Cos(0, 1);

    /// <summary>Parts in the combine.</summary>
    [Params(100, 1000, 10000)]
    public int Segments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(22);
        var raw = Enumerable.Range(0, Segments).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var total = raw.Sum();
        var parts = Enumerable.Range(0, Segments)
            .Select(i => i % 2 == 0 ? Sched.Cos(random.NextDouble(), random.NextDouble()) : Sched.Lin(random.NextDouble(), random.NextDouble()));
        sched = Sched.CombineScheds(raw.Select(r => r / total), parts);
        text = sched.ToString();
        json = SchedJson.Serialize(sched);
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse of its JSON")]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "Sched.Parse")]
    public Sched Parse() => Sched.Parse(text);

    [Benchmark(Description = "SchedJson.Serialize")]
    public string Serialize() => SchedJson.Serialize(sched);

    [Benchmark(Description = "SchedJson.Deserialize")]
    public Sched Deserialize() => SchedJson.Deserialize(json);
}
