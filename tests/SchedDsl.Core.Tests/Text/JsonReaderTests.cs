using System.Text.Json;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>
/// The one-pass JSON reader (Utf8JsonReader, no JsonDocument): every problem is reported at the JSON path of the value
/// it blames with the text form's message, in whatever order the properties come, and malformed JSON is still reported
/// as malformed JSON.
/// </summary>
public sealed class JsonReaderTests
{
    [Theory]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"div":1,"div":2}""", "$.div: one_cycle: div is given twice")]
    [InlineData("""{"fn":"combine","pcts":[0.5,"x"],"scheds":[0.1,0.2]}""", "$.pcts[1]: expected a number, a list or an object with \"fn\", got string")]
    [InlineData("""{"fn":"combine","pcts":[0.5,[1]],"scheds":[0.1,0.2]}""", "$.pcts[1]: combine: pcts[1] must be a number")]
    [InlineData("""{"fn":"combine","pcts":[0.5,-0.5],"scheds":[0.1,0.2]}""", "$.pcts[1]: combine: pcts[1] must be >= 0, got -0.5")]
    [InlineData("""{"fn":"combine","pcts":0.5,"scheds":[0.1]}""", "$.pcts: combine: pcts must be a list of numbers [a, b, …]")]
    [InlineData("""{"fn":"combine","pcts":[1],"scheds":0.1}""", "$.scheds: combine: scheds must be a list of schedules [s1, s2, …]")]
    [InlineData("""{"fn":"combine","pcts":[1],"scheds":[{"fn":"cos","start":0,"end":1,"bogus":2}]}""", "$.scheds[0].bogus: cos has no parameter 'bogus'; its parameters are start, end")]
    [InlineData("""{"fn":"combine","pcts":[1],"scheds":[null]}""", "$.scheds[0]: expected a number, a list or an object with \"fn\", got null")]
    [InlineData("""{"fn":"one_cycle","lr_max":{"fn":"cos","start":0,"end":1}}""", "$.lr_max: one_cycle: lr_max must be a number, a per-group list [a, b, …] or slice(…)")]
    [InlineData("""{"fn":"one_cycle","lr_max":[]}""", "$.lr_max: one_cycle: lr_max must be a number, a per-group list [a, b, …] or slice(…)")]
    [InlineData("""{"fn":"one_cycle","lr_max":[0.01,false]}""", "$.lr_max[1]: expected a number, a list or an object with \"fn\", got false")]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"div":[2]}""", "$.div: one_cycle: div must be a number")]
    [InlineData("""{"fn":"sgdr","lr_max":0.01,"n_cycles":2.5}""", "$.n_cycles: sgdr: n_cycles must be a whole number, got 2.5")]
    [InlineData("""{"fn":"one_cycel","lr_max":0.01}""", "$: unknown function 'one_cycel'; did you mean 'one_cycle'?")]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"pct-start":0.3}""", "$: 'pct-start' is not a parameter name of one_cycle")]
    [InlineData("""{"fn":"slice","stop":0.01,"stop":0.02}""", "$.stop: slice: stop is given twice")]
    [InlineData("""{"fn":"slice_v1","start":0.001,"stop":0.01}""", "$: slice_v1 takes one number: slice_v1(stop)")]
    [InlineData("""{"fn":"one_cycle","lr_max":{"fn":"slice","start":0.01,"stop":-1}}""", "$.lr_max.stop: slice: stop must be > 0, got -1")]
    [InlineData("""{"fn":"one_cycle","lr_max":{"fn":"slice","stop":0.01,"start":"a"}}""", "$.lr_max.start: expected a number, a list or an object with \"fn\", got string")]
    [InlineData("""{"lr_max":0.01,"fn":"one_cycle","div":0}""", "$.div: one_cycle: div must be > 0, got 0")]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"fn":"one_cycle"}""", "$.fn: a schedule object names its function once, got \"fn\" 2 times")]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"fn":"lin","fn":"cos"}""", "$.fn: a schedule object names its function once, got \"fn\" 3 times")]
    [InlineData("""{"fn":3,"lr_max":0.01}""", "$: a schedule object needs \"fn\": the function's name, e.g. \"one_cycle\"")]
    [InlineData("""{"fn":"one cycle","lr_max":0.01}""", "$: a schedule object needs \"fn\": the function's name, e.g. \"one_cycle\"")]
    [InlineData("""{"fn":"combine","pcts":[1],"scheds":[{"fn":"combine","pcts":[1],"scheds":[{"lr_max":1}]}]}""", "$.scheds[0].scheds[0]: a schedule object needs \"fn\": the function's name, e.g. \"one_cycle\"")]
    [InlineData("""{"fn":"one_cycle","lr_max":1e999}""", "$.lr_max: one_cycle: lr_max must be a finite number, got Infinity")]
    public void Each_problem_is_reported_at_its_path(string json, string message) =>
        Assert.Equal(message, Assert.Throws<JsonException>(() => SchedJson.Deserialize(json)).Message);

    [Fact]
    public void Required_parameters_and_cross_argument_rules_blame_the_call_or_the_argument()
    {
        Assert.Equal(
            "$.scheds[0]: sgdr: n_cycles is required (sgdr(lr_max, n_cycles, cycle_len, cycle_mult))",
            Assert.Throws<JsonException>(() => SchedJson.Deserialize("""{"fn":"combine","pcts":[1],"scheds":[{"fn":"sgdr","lr_max":0.01}]}""")).Message);
        Assert.StartsWith(
            "$.div: one_cycle: div must keep lr_max/div within",
            Assert.Throws<JsonException>(() => SchedJson.Deserialize("""{"fn":"one_cycle","lr_max":1e300,"div":1e-300}""")).Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"div":0,""")]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"div":0} x""")]
    [InlineData("""{"fn":"nope"}}""")]
    [InlineData("")]
    public void Malformed_json_is_reported_as_malformed_even_after_a_problem_with_the_schedule(string json)
    {
        var error = Assert.ThrowsAny<JsonException>(() => SchedJson.Deserialize(json));
        Assert.DoesNotContain("$", error.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_in_any_order_escaped_names_and_whitespace_read_the_same()
    {
        var expected = Sched.Parse("one_cycle(slice(1e-4, 1e-2), pct_start=0.3)");
        Assert.Equal(expected, SchedJson.Deserialize("""{"pct_start":0.3,"lr_max":{"stop":0.01,"start":0.0001,"fn":"slice"},"fn":"one_cycle"}"""));
        Assert.Equal(expected, SchedJson.Deserialize(""" { "\u0066n" : "one\u005fcycle" , "lr\u005fmax" : { "fn" : "slice" , "start" : 1e-4 , "stop" : 1E-2 } , "pct_start" : 3e-1 } """));
    }

    private sealed record Job(string Name, [property: System.Text.Json.Serialization.JsonConverter(typeof(SchedJsonConverter))] Sched Lr, int Epochs);

    [Fact]
    public void The_converter_reads_in_place_and_leaves_the_reader_after_the_schedule()
    {
        var job = JsonSerializer.Deserialize<Job>("""{"Name":"a","Lr":{"pct_start":0.3,"fn":"one_cycle","lr_max":0.01},"Epochs":3}""");
        Assert.Equal(new Job("a", Sched.OneCycle(0.01, pctStart: 0.3), 3), job);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Job>("""{"Name":"a","Lr":{"fn":"one_cycle","lr_max":0.01,"div":0},"Epochs":3}"""));
        Assert.StartsWith("$.div: one_cycle: div must be > 0, got 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_element_inside_a_larger_document_reads_as_its_own_value()
    {
        using var document = JsonDocument.Parse("""{"schedules":[{"fn":"cos","start":1,"end":0},"lin(0, 1)"]}""");
        var items = document.RootElement.GetProperty("schedules");
        Assert.Equal(Sched.Cos(1, 0), SchedJson.Read(items[0]));
        Assert.Equal(Sched.Lin(0, 1), SchedJson.Read(items[1]));
    }

    [Fact]
    public void Custom_annealers_are_found_by_name_the_last_of_a_name_winning()
    {
        var first = Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos)));
        var second = Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * pos * pos));
        var read = SchedJson.Deserialize("""{"fn":"sqrt","start":0,"end":1}""", first, second);
        Assert.Equal(0.25, read.At(0.5), 12);
        Assert.Equal(
            "$: unknown function 'sqr'; did you mean 'sqrt'?",
            Assert.Throws<JsonException>(() => SchedJson.Deserialize("""{"fn":"sqr","start":0,"end":1}""", first)).Message);
    }
}
