using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Adaptive;

/// <summary>Adaptive schedules as JSON: written in the planned JSON's shape, read back equal, and bad input refused with every problem and its path.</summary>
public sealed class AdaptiveJsonTests
{
    [Property(MaxTest = 200)]
    public Property Json_reads_back_to_an_equal_schedule() =>
        Prop.ForAll(AdaptiveGens.Any.ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (sched, indented) =>
            SchedJson.DeserializeAdaptive(SchedJson.Serialize(sched, indented)) == sched);

    [Property(MaxTest = 200)]
    public Property Damaged_json_is_read_or_refused_with_a_JsonException_never_another_exception() =>
        Prop.ForAll(AdaptiveGens.Any.ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), Gen.Elements("", "x", "{", "]", "-1", "2", "null", "\"fn\"", ",").ToArbitrary(),
            (sched, at, insert) =>
            {
                var json = SchedJson.Serialize(sched);
                var cut = at % (json.Length + 1);
                var damaged = json[..cut] + insert + json[Math.Min(json.Length, cut + insert.Length % 3)..];
                try
                {
                    SchedJson.DeserializeAdaptive(damaged);
                    return true;
                }
                catch (JsonException error)
                {
                    return error.Message.Length > 0;
                }
            });

    [Fact]
    public void A_rule_writes_every_parameter_by_its_declared_name()
    {
        var json = SchedJson.Serialize(AdaptiveSched.Plateau(Sched.Const(0.001), factor: 0.5, patience: 2));
        // The declaration's defaults (AdaptiveFunctions.Plateau), written out as the planned JSON writes its defaults.
        Assert.Equal(
            """{"fn":"plateau","sched":0.001,"factor":0.5,"patience":2,"threshold":0.0001,"cooldown":0,"min_lr":0,"eps":1E-08,"every":0,"maximize":0,"threshold_abs":0}""",
            json);
    }

    [Fact]
    public void The_canonical_example_round_trips_and_defaults_may_be_left_out()
    {
        var sched = AdaptiveSched.Parse("combine([0.1, 0.7, 0.2], [lin(1e-4, 1e-3), plateau(1e-3, factor=0.5, patience=2), from_current(cooldown_sqrt(1))])");
        var json = """
            {"fn": "combine", "pcts": [0.1, 0.7, 0.2], "phases": [
              {"fn": "lin", "start": 1e-4, "end": 1e-3},
              {"fn": "plateau", "sched": 1e-3, "factor": 0.5, "patience": 2},
              {"fn": "from_current", "sched": {"fn": "cooldown_sqrt", "start": 1}}]}
            """;
        Assert.Equal(sched, SchedJson.DeserializeAdaptive(json));
        Assert.Equal(sched, SchedJson.DeserializeAdaptive(SchedJson.Serialize(sched, indented: true)));
        Assert.Equal(sched, SchedJson.DeserializeAdaptive(JsonSerializer.Serialize(sched.ToString())));
    }

    [Theory]
    [InlineData("""{"fn":"plateau","sched":0.01,"factor":2,"patience":-1}""",
        "$.factor: plateau: factor must be in (0, 1), got 2|$.patience: plateau: patience must be >= 0, got -1")]
    [InlineData("""{"fn":"plateau","factor":0.5}""", "$: plateau: sched is required")]
    [InlineData("""{"fn":"plateau","sched":0.01,"patience":1.5}""", "$.patience: plateau: patience must be a whole number")]
    [InlineData("""{"fn":"plateau","sched":0.01,"patience":"2"}""", "$.patience: plateau: patience must be a number")]
    [InlineData("""{"fn":"plateau","sched":0.01,"facto":0.5}""", "$.facto: plateau has no parameter 'facto'")]
    [InlineData("""{"fn":"plateau","sched":{"fn":"one_cycle","lr_max":0.01,"div":0}}""", "$.sched.div: one_cycle: div must be > 0, got 0")]
    [InlineData("""{"fn":"plateau","sched":{"fn":"greedy","sched":1}}""", "$.sched: a metric-driven schedule cannot be nested")]
    [InlineData("""{"fn":"greedy","sched":1,"min_lr":2,"max_lr":1}""", "$.min_lr: greedy: min_lr must be <= max_lr")]
    [InlineData("""{"fn":"combine","pcts":[0.5,0.6],"phases":[1,{"fn":"plateau","sched":1}]}""", "$.pcts: combine: pcts must sum to 1")]
    [InlineData("""{"fn":"combine","pcts":[0.5,0.5],"phases":[{"fn":"from_current","sched":{"fn":"cooldown_sqrt","start":1}},{"fn":"plateau","sched":1}]}""",
        "$.phases[0]: combine: phases[0] is from_current")]
    [InlineData("""{"fn":"combine","pcts":[0.5,0.5],"phases":[{"fn":"plateau","sched":1},{"fn":"from_current","sched":0.5}]}""",
        "$.phases[1].sched: from_current: sched must start at 1")]
    [InlineData("""{"fn":"combine","pcts":[0.5,"x"],"phases":[{"fn":"plateau","sched":1,"factor":3},{"fn":"from_current"}]}""",
        "$.pcts[1]: combine: pcts[1] must be a number|$.phases[0].factor: plateau: factor must be in (0, 1), got 3|$.phases[1]: from_current: sched is required")]
    [InlineData("""{"fn":"cos","start":1,"end":0}""", "$: expected an adaptive schedule")]
    [InlineData("""{"fn":"from_current","sched":1}""", "$: from_current is a phase of an adaptive combine")]
    [InlineData("""null""", "$: expected an adaptive schedule")]
    [InlineData(""" "plateau(0.01, factor=2)" """, "$: the schedule text")]
    public void Bad_json_names_every_problem_with_its_path(string json, string expected)
    {
        var error = Assert.Throws<JsonException>(() => SchedJson.DeserializeAdaptive(json));
        foreach (var part in expected.Split('|'))
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(expected.Split('|').Length, error.Message.Split('\n').Length);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("""{"fn":"plateau","sched":1} 2""")]
    public void Malformed_json_is_a_JsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => SchedJson.DeserializeAdaptive(json));

    [Fact]
    public void Nesting_past_the_limit_is_refused_as_json_not_by_the_stack()
    {
        var deep = string.Concat(Enumerable.Repeat("""{"fn":"combine","pcts":[1],"phases":[""", 10_000)) + "1" + string.Concat(Enumerable.Repeat("]}", 10_000));
        Assert.ThrowsAny<JsonException>(() => SchedJson.DeserializeAdaptive(deep));
    }

    [Fact]
    public void The_planned_json_does_not_read_adaptive_schedules()
    {
        var error = Assert.ThrowsAny<JsonException>(() => SchedJson.Deserialize("""{"fn":"plateau","sched":1}"""));
        Assert.Contains("plateau", error.Message, StringComparison.Ordinal);
    }
}
