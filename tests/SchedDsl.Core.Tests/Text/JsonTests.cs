using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

public sealed class JsonTests
{
    [Theory]
    [InlineData("cos(0.1, 0.01)", """{"fn":"cos","start":0.1,"end":0.01}""")]
    [InlineData("one_cycle(0.01)", """{"fn":"one_cycle","lr_max":0.01,"div":25,"div_final":100000,"pct_start":0.25}""")]
    [InlineData("sgdr(slice(0.001, 0.01), 3, cycle_mult=1)", """{"fn":"sgdr","lr_max":{"fn":"slice","start":0.001,"stop":0.01},"n_cycles":3,"cycle_len":1,"cycle_mult":1}""")]
    [InlineData("lr_finder()", """{"fn":"lr_finder","start_lr":1E-07,"end_lr":10}""")]
    [InlineData("combine([0.3, 0.7], [lin(0, [1, 2]), 0.5])", """{"fn":"combine","pcts":[0.3,0.7],"scheds":[{"fn":"lin","start":0,"end":[1,2]},0.5]}""")]
    [InlineData("slice_v1(0.01)", """{"fn":"slice_v1","stop":0.01}""")]
    [InlineData("[0.1, 0.2]", "[0.1,0.2]")]
    public void Writes_every_parameter_by_its_fastai_name(string text, string json)
    {
        var sched = Sched.Parse(text);
        Assert.Equal(json, SchedJson.Serialize(sched));
        Assert.Equal(sched, SchedJson.Deserialize(json));
    }

    [Theory]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01}""", "one_cycle(0.01)")]
    [InlineData("""{"pct_start":0.3,"fn":"one_cycle","lr_max":[0.001,0.01]}""", "one_cycle([0.001, 0.01], pct_start=0.3)")]
    [InlineData("""{"fn":"slice","stop":0.01}""", "slice(0.01)")]
    [InlineData("""{"fn":"slice","stop":0.01,"start":0.001}""", "slice(0.001, 0.01)")]
    [InlineData("\"flat_cos(1e-3, pct_start=0.5)\"", "flat_cos(0.001, pct_start=0.5)")]
    [InlineData("0.25", "0.25")]
    public void Reads_defaults_any_key_order_constants_and_text(string json, string text) =>
        Assert.Equal(Sched.Parse(text), SchedJson.Deserialize(json));

    [Theory]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"div":0}""", "$.div: one_cycle: div must be > 0, got 0")]
    [InlineData("""{"fn":"combine","pcts":[0.5,0.6],"scheds":[0.1,{"fn":"exp","start":0,"end":1}]}""", "$.scheds[1].start: exp: start must be > 0, got 0")]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"dvi":3}""", "$.dvi: one_cycle has no parameter 'dvi'; did you mean 'div'? Its parameters are lr_max, div, div_final, pct_start")]
    [InlineData("""{"fn":"one_cycle","lr_max":0.01,"pct_strat":0.3}""", "$.pct_strat: one_cycle has no parameter 'pct_strat'; did you mean 'pct_start'? Its parameters are lr_max, div, div_final, pct_start")]
    [InlineData("""{"fn":"sgdr","lr_max":0.01}""", "$: sgdr: n_cycles is required (sgdr(lr_max, n_cycles, cycle_len, cycle_mult))")]
    [InlineData("""{"lr_max":0.01}""", "$: a schedule object needs \"fn\": the function's name, e.g. \"one_cycle\"")]
    [InlineData("""{"fn":"cos","start":true,"end":1}""", "$.start: expected a number, a list or an object with \"fn\", got true")]
    [InlineData("""{"fn":"slice","stop":0.01,"step":2}""", "$.step: slice has no parameter 'step'; its parameters are start, stop")]
    public void Errors_name_the_json_path_and_the_text_forms_problem(string json, string message) =>
        Assert.Equal(message, Assert.Throws<JsonException>(() => SchedJson.Deserialize(json)).Message);

    [Fact]
    public void Pcts_that_do_not_sum_to_one_are_reported_at_pcts()
    {
        var error = Assert.Throws<JsonException>(() => SchedJson.Deserialize("""{"fn":"combine","pcts":[0.5,0.6],"scheds":[0.1,0.2]}"""));
        Assert.StartsWith("$.pcts: combine: pcts must sum to 1", error.Message, StringComparison.Ordinal);
    }

    private sealed record Config([property: JsonConverter(typeof(SchedJsonConverter))] Sched Lr, int Epochs);

    [Fact]
    public void The_converter_works_as_an_attribute_and_in_options()
    {
        var config = new Config(Sched.OneCycle(Hyper.Slice(1e-4, 1e-2), pctStart: 0.3), 5);
        var json = JsonSerializer.Serialize(config);
        Assert.Contains("\"Lr\":{\"fn\":\"one_cycle\"", json, StringComparison.Ordinal);
        Assert.Equal(config, JsonSerializer.Deserialize<Config>(json));

        var sqrt = Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos)));
        var options = new JsonSerializerOptions { Converters = { new SchedJsonConverter(sqrt) } };
        var scheds = new[] { sqrt.Create(0, 1), Sched.Cos(1, 0) };
        var roundTripped = JsonSerializer.Deserialize<Sched[]>(JsonSerializer.Serialize(scheds, options), options);
        Assert.Equal(scheds, roundTripped);
    }

    [Fact]
    public void Indented_output_reads_back()
    {
        var sched = Sched.Parse("combine([0.25, 0.75], [lin(0, 1), one_cycle(0.01)])");
        var json = SchedJson.Serialize(sched, indented: true);
        Assert.Contains('\n', json);
        Assert.Equal(sched, SchedJson.Deserialize(json));
    }

    [Property(MaxTest = 200)]
    public Property Deserialize_inverts_Serialize() =>
        Prop.ForAll(Arbitraries.SchedArb(), sched => SchedJson.Deserialize(SchedJson.Serialize(sched)) == sched);
}
