using System.Text.Json;
using SchedDsl.Serialization;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Robustness;

/// <summary>
/// B3 and B4 of issue 12: one depth limit, <see cref="Sched.MaxDepth"/>, that construction, printing, parsing and
/// JSON all honour; nothing overflows the stack.
/// </summary>
public sealed class DepthTests
{
    // A chain: each level combines the previous one with a leaf (what a fold of Then or Combine builds).
    private static Sched Chain(int depth)
    {
        Sched sched = Sched.Cos(Hyper.Slice(1e-3, 1e-2), 0);
        for (var level = 2; level <= depth; level++)
        {
            sched = Sched.CombineScheds([0.5, 0.5], [sched, Sched.Lin(0, Hyper.Of(1, 2))]);
        }
        return sched;
    }

    [Fact]
    public void The_deepest_schedule_that_builds_prints_parses_and_round_trips_through_json()
    {
        var deepest = Chain(Sched.MaxDepth);
        var text = deepest.ToString();
        Assert.Equal(deepest, Sched.Parse(text));
        Assert.Equal(deepest, SchedJson.Deserialize(SchedJson.Serialize(deepest)));
        Assert.Equal(deepest.GetHashCode(), Sched.Parse(text).GetHashCode());
        Assert.Equal(2, deepest.ForGroups(2).Count);
    }

    [Fact]
    public void One_level_more_is_rejected_when_built()
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.CombineScheds([1], [Chain(Sched.MaxDepth)]));
        Assert.Equal($"combine: scheds must nest at most {Sched.MaxDepth} levels deep (Sched.MaxDepth), got {Sched.MaxDepth + 1}", error.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void A_fold_of_a_hundred_thousand_stops_at_the_limit_instead_of_overflowing_the_stack()
    {
        var sched = Sched.Cos(0, 1);
        var built = 1;
        var error = Record.Exception(() =>
        {
            for (; built < 100_000; built++)
            {
                sched = Sched.CombineScheds([0.5, 0.5], [sched, Sched.Cos(0, 1)]);
            }
        });
        Assert.IsType<SchedArgumentException>(error);
        Assert.Equal(Sched.MaxDepth, built);
        _ = sched.ToString();
        _ = sched.GetHashCode();
        _ = SchedJson.Serialize(sched);
    }

    [Fact]
    public void The_text_form_rejects_one_level_more_than_it_prints()
    {
        var text = $"combine([1], [{Chain(Sched.MaxDepth)}])";
        Assert.Throws<SchedParseException>(() => Sched.Parse(text));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(10_000)]
    public void Json_nesting_is_bounded_by_the_reader_whatever_max_depth_the_caller_allows(int depth)
    {
        var json = string.Concat(Enumerable.Repeat("""{"fn":"combine","pcts":[1],"scheds":[""", depth)) + "1" + string.Concat(Enumerable.Repeat("]}", depth));
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 3 * depth });
        var error = Assert.Throws<JsonException>(() => SchedJson.Read(document.RootElement));
        Assert.Contains($"nest deeper than {SyntaxParser.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }
}
