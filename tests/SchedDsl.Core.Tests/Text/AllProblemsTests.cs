extern alias LanguageExt;
using System.Text.Json;
using LanguageExt::LanguageExt;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>
/// Issue 19, item 4: a text or JSON document with several problems reports every one of them, each at its place, as a
/// compiler does (<c>one_cycle(0.01, div=0, pct_start=2)</c> used to name only <c>div</c>).
/// </summary>
public sealed class AllProblemsTests
{
    [Fact]
    public void Parse_throws_one_exception_naming_every_problem_at_its_place()
    {
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse("one_cycle(0.01, div=0, pct_start=2)"));
        Assert.Equal(
            [
                new SchedParseError(1, 21, 20, 1, "", "one_cycle: div must be > 0, got 0"),
                new SchedParseError(1, 34, 33, 1, "", "one_cycle: pct_start must be in [0, 1], got 2"),
            ],
            error.Errors);
        Assert.Equal(
            "line 1, column 21: one_cycle: div must be > 0, got 0\nline 1, column 34: one_cycle: pct_start must be in [0, 1], got 2",
            error.Message);
        // The single-problem properties are the first problem's, as before.
        Assert.Equal((1, 21, "one_cycle: div must be > 0, got 0"), (error.Line, error.Column, error.Reason));
    }

    [Theory]
    // Problems of every kind in one text, each reported once: an unknown name, a bad list item, a wrong kind, a
    // missing argument (placed at its call), a name given twice, a bad slice; nested calls are checked too.
    [InlineData(
        "combine([0.5, -0.5], [coss(0, 1), one_cycle(div=0)])",
        "1:15 combine: pcts[1] must be >= 0, got -0.5|1:23 unknown function 'coss'; did you mean 'cos'?|1:35 one_cycle: lr_max is required (one_cycle(lr_max, div, div_final, pct_start))|1:49 one_cycle: div must be > 0, got 0")]
    [InlineData(
        "sgdr(slice(1, -1), n_cycles=0.5, cycle_len=[1], n_cycles=2)",
        "1:15 slice: stop must be > 0, got -1|1:29 sgdr: n_cycles must be >= 1, got 0.5|1:44 sgdr: cycle_len must be a number|1:49 sgdr: n_cycles is given twice")]
    public void Every_problem_is_reported_in_text_order(string text, string expected)
    {
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse(text));
        Assert.Equal(expected, string.Join("|", error.Errors.Select(e => $"{e.Line}:{e.Column} {e.Reason}")));
    }

    [Fact]
    public void Cross_argument_rules_run_only_on_calls_whose_arguments_are_each_fine()
    {
        // pcts sum to 0.6, but the list also has a negative item: that is the problem, not the sum.
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse("combine([0.8, -0.2], [lin(0, 1), lin(1, 0)])"));
        Assert.Equal("combine: pcts[1] must be >= 0, got -0.2", Assert.Single(error.Errors).Reason);
        // With every item fine, the cross-argument rule runs (and reports at its argument).
        error = Assert.Throws<SchedParseException>(() => Sched.Parse("combine([0.3, 0.6], [lin(0, 1), lin(1, 0)])"));
        Assert.StartsWith("combine: pcts must sum to 1", Assert.Single(error.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_stops_the_parse_and_comes_alone()
    {
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse("one_cycle(0.01, div=0, pct_start=2"));
        Assert.Equal("expected ',' or ')', found end of text", Assert.Single(error.Errors).Reason);
    }

    [Fact]
    public void Named_positional_and_nested_parts_are_each_checked_once()
    {
        Assert.Equal(
            Sched.CombineScheds([0.5, 0.5], [Sched.Cos(0, 1), Sched.Lin(1, 0)]),
            Sched.Parse("combine(scheds=[cos(0, 1), lin(1, 0)], pcts=[0.5, 0.5])"));
        // A syntax error comes alone, though a part before it has a problem.
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse("combine([0.5, 0.5], [exp(0, 1), cos(0, 1)"));
        Assert.Equal("expected ',' or ']', found end of text", Assert.Single(error.Errors).Reason);
        // After a named argument a positional one is the only problem: Python's rule comes before the arguments.
        error = Assert.Throws<SchedParseException>(() => Sched.Parse("combine(pcts=[1], [exp(0, 1)])"));
        Assert.Equal("combine: a positional argument cannot follow a named one", Assert.Single(error.Errors).Reason);
        // Parts nested in parts are checked too, each problem once.
        error = Assert.Throws<SchedParseException>(() => Sched.Parse("combine([1], [combine([0.5, 0.5], [exp(0, 1), cos(0, 1, 2)])])"));
        Assert.Equal(["exp: start must be > 0, got 0", "cos takes at most 2 arguments (start, end), got 3"], error.Errors.Select(e => e.Reason));
    }

    [Fact]
    public void TryParse_is_false_for_a_text_with_several_problems_and_never_throws()
    {
        Assert.False(Sched.TryParse("one_cycle(0.01, div=0, pct_start=2)", out var sched));
        Assert.Null(sched);
        Assert.True(Sched.TryParse("one_cycle(0.01, div=2, pct_start=0.5)", out sched));
        Assert.Equal(Sched.OneCycle(0.01, 2, pctStart: 0.5), sched);
    }

    [Fact]
    public void Validate_is_Success_with_the_schedule_or_Fail_with_every_problem()
    {
        var good = Sched.Validate("one_cycle(0.01, pct_start=0.3)");
        Assert.True(good.IsSuccess);
        Assert.Equal(Sched.OneCycle(0.01, pctStart: 0.3), good.SuccessToSeq().Head);

        var bad = Sched.Validate("one_cycle(0.01, div=0, pct_start=2)");
        Assert.True(bad.IsFail);
        Assert.Equal(
            new[] { "line 1, column 21: one_cycle: div must be > 0, got 0", "line 1, column 34: one_cycle: pct_start must be in [0, 1], got 2" },
            bad.FailToSeq().Map(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Validations_of_several_texts_collect_the_problems_of_all_of_them()
    {
        // Applicative: the problems of both texts, not only the first text's.
        var both = (Sched.Validate("one_cycle(0.01, div=0)"), Sched.Validate("lin(1, 0, 2)"))
            .Apply((lr, mom) => (lr, mom));
        Assert.Equal(
            new[] { "line 1, column 21: one_cycle: div must be > 0, got 0", "line 1, column 11: lin takes at most 2 arguments (start, end), got 3" },
            both.FailToSeq().Map(e => e.ToString()).ToArray());
        var fine = (Sched.Validate("cos(0, 1)"), Sched.Validate("lin(1, 0)")).Apply((lr, mom) => lr.Then(0.5, mom));
        Assert.True(fine.IsSuccess);
    }

    [Fact]
    public void Deserialize_throws_one_JsonException_naming_every_problem_at_its_path()
    {
        var error = Assert.Throws<JsonException>(() => SchedJson.Deserialize(
            """{"fn":"combine","pcts":[0.5,-1],"scheds":[{"fn":"one_cycle","lr_max":0.01,"div":0,"pct_start":2},{"fn":"cos","start":0,"bogus":1}]}"""));
        Assert.Equal(
            [
                "$.pcts[1]: combine: pcts[1] must be >= 0, got -1",
                "$.scheds[0].div: one_cycle: div must be > 0, got 0",
                "$.scheds[0].pct_start: one_cycle: pct_start must be in [0, 1], got 2",
                "$.scheds[1].bogus: cos has no parameter 'bogus'; its parameters are start, end",
                "$.scheds[1]: cos: end is required (cos(start, end))",
            ],
            error.Message.Split('\n'));
    }

    [Theory]
    // After each problem the reader steps over the value and goes on: lists, objects, slices and a second "fn".
    [InlineData(
        """{"fn":"one_cycle","lr_max":[0.1,[2],"x"],"div":{"fn":"slice","stop":1},"div_final":-1}""",
        "$.lr_max[1]: one_cycle: lr_max must be a number|$.lr_max[2]: expected a number, a list or an object with \"fn\", got string|$.div: one_cycle: div must be a number|$.div_final: one_cycle: div_final must be > 0, got -1")]
    [InlineData(
        """{"fn":"combine","pcts":[1,0],"scheds":[{"fn":"nope","a":[1,{"b":2}]},{"fn":"lin","fn":"cos","start":0,"end":1}]}""",
        "$.scheds[0]: unknown function 'nope'; did you mean 'no'?|$.scheds[1].fn: a schedule object names its function once, got \"fn\" 2 times")]
    [InlineData(
        """{"fn":"one_cycle","lr_max":{"fn":"slice","start":"a","stop":-1,"step":2},"div":0}""",
        "$.lr_max.start: expected a number, a list or an object with \"fn\", got string|$.lr_max.step: slice has no parameter 'step'; its parameters are start, stop|$.div: one_cycle: div must be > 0, got 0")]
    public void Deserialize_goes_on_after_each_problem(string json, string expected) =>
        Assert.Equal(expected, Assert.Throws<JsonException>(() => SchedJson.Deserialize(json)).Message.Replace('\n', '|'));

    [Fact]
    public void A_valid_document_after_a_recovered_problem_is_still_checked_to_be_json()
    {
        // A problem with the schedule, then malformed JSON: the malformed JSON is what is reported.
        var error = Assert.ThrowsAny<JsonException>(() => SchedJson.Deserialize("""{"fn":"one_cycle","lr_max":0.01,"div":0,"pct_start":2} x"""));
        Assert.Contains("LineNumber", error.Message, StringComparison.Ordinal);
    }
}
