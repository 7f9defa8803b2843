using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SchedDsl.Serialization;

namespace SchedDsl.Benchmarks.Text;

/// <summary>
/// Reading a schedule from its text form, and a JSON round trip (serialize, then read back), against the floor a
/// careful person would compare with: <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of the same
/// JSON, which only tokenizes and indexes it (no schedule is built, nothing is checked).
/// </summary>
[MemoryDiagnoser]
public class TextAndJsonBenchmarks
{
    private string text = "";
    private string json = "";
    private Sched sched = Sched.Cos(0, 1);

    /// <summary>A fastai recipe (one_cycle with discriminative lrs), and a five-part warmup-then-decay combine.</summary>
    [Params("one_cycle", "combine5")]
    public string Case { get; set; } = "one_cycle";

    [GlobalSetup]
    public void Setup()
    {
        sched = Case == "one_cycle"
            ? Sched.Parse("one_cycle(slice(1e-4, 1e-2), pct_start=0.3)")
            : Sched.Parse("combine([0.1, 0.2, 0.3, 0.2, 0.2], [lin(0, 0.01), cos(0.01, 0.005), no(0.005, 0.005), exp(0.005, 1e-4), poly(1e-4, 0, 2)])");
        text = sched.ToString();
        json = SchedJson.Serialize(sched);
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse of the schedule's JSON")]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "Sched.Parse of its text")]
    public Sched Parse() => Sched.Parse(text);

    [Benchmark(Description = "SchedJson.Serialize")]
    public string Serialize() => SchedJson.Serialize(sched);

    [Benchmark(Description = "SchedJson.Deserialize")]
    public Sched Deserialize() => SchedJson.Deserialize(json);

    [Benchmark(Description = "the public factory with the same arguments")]
    public Sched Factory() => Case == "one_cycle"
        ? Sched.OneCycle(Hyper.Slice(1e-4, 1e-2), pctStart: 0.3)
        : Sched.CombineScheds([0.1, 0.2, 0.3, 0.2, 0.2], [Sched.Lin(0, 0.01), Sched.Cos(0.01, 0.005), Sched.No(0.005, 0.005), Sched.Exp(0.005, 1e-4), Sched.Poly(1e-4, 0, 2)]);

    [Benchmark(Description = "JSON round trip: SchedJson.Serialize + Deserialize")]
    public Sched JsonRoundTrip() => SchedJson.Deserialize(SchedJson.Serialize(sched));
}
