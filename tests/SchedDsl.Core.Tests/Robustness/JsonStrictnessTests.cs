using System.Text.Json;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Robustness;

/// <summary>B5 of issue 12: JSON that used to be read silently as something else is an error with its path.</summary>
public sealed class JsonStrictnessTests
{
    [Theory]
    [InlineData("""{"fn":"slice","start":0.001}""", "$: slice needs \"stop\" (\"start\" alone is not a slice)")]
    [InlineData("""{"fn":"one_cycle","lr_max":{"fn":"slice","start":0.001}}""", "$.lr_max: slice needs \"stop\"")]
    [InlineData("""{"fn":"cos","fn":"lin","start":0,"end":1}""", "$.fn: a schedule object names its function once, got \"fn\" 2 times")]
    [InlineData("""{"fn":"cos","\u0066n":"lin","start":0,"end":1}""", "$.fn: a schedule object names its function once, got \"fn\" 2 times")]
    public void Ambiguous_json_is_an_error_with_its_path(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => SchedJson.Deserialize(json));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slice_with_stop_alone_or_start_and_stop_still_reads()
    {
        Assert.Equal(Sched.Const(Hyper.Slice(0.01)), SchedJson.Deserialize("""{"fn":"slice","stop":0.01}"""));
        Assert.Equal(Sched.Const(Hyper.Slice(0.001, 0.01)), SchedJson.Deserialize("""{"fn":"slice","start":0.001,"stop":0.01}"""));
    }
}
