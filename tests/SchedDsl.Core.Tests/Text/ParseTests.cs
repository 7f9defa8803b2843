using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

public sealed class ParseTests
{
    public static TheoryData<string, Sched> Examples() => new()
    {
        { "lin(0, 2)", Sched.Lin(0, 2) },
        { "cos(0,2)", Sched.Cos(0, 2) },
        { "no(1, 2)", Sched.No(1, 2) },
        { "exp(1e-7, 10)", Sched.Exp(1e-7, 10) },
        { "poly(0, 2, 2)", Sched.Poly(0, 2, 2) },
        { "combine([0.3, 0.7], [cos(0.3, 0.6), cos(0.6, 0.2)])", Sched.Combine([0.3, 0.7], [Sched.Cos(0.3, 0.6), Sched.Cos(0.6, 0.2)]) },
        { "combined_cos(0.25, 0.95, 0.85, 0.95)", Sched.OneCycleMomentum() },
        { "one_cycle(1e-2)", Sched.OneCycle(1e-2) },
        { "one_cycle(lr_max=0.01, pct_start=0.3)", Sched.OneCycle(0.01, pctStart: 0.3) },
        { "one_cycle(0.01, 10, 1e4, 0.5)", Sched.OneCycle(0.01, 10, 1e4, 0.5) },
        { "one_cycle(slice(1e-4, 1e-2))", Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)) },
        { "one_cycle(slice(1e-2))", Sched.OneCycle(Hyper.Slice(1e-2)) },
        { "one_cycle(slice(0, 1e-2))", Sched.OneCycle(Hyper.Slice(1e-2)) },
        { "one_cycle(slice_v1(3e-3))", Sched.OneCycle(Hyper.Slice(3e-3, SliceRule.FastaiV1)) },
        { "one_cycle([1e-3, 1e-2])", Sched.OneCycle(Hyper.Of(1e-3, 1e-2)) },
        { "flat_cos(1e-3)", Sched.FlatCos(1e-3) },
        { "flat_cos(1e-3, div_final=100, pct_start=0.5)", Sched.FlatCos(1e-3, 100, 0.5) },
        { "sgdr(0.01, 3)", Sched.Sgdr(0.01, 3) },
        { "sgdr(0.01, n_cycles=3, cycle_mult=1)", Sched.Sgdr(0.01, 3, cycleMult: 1) },
        { "lr_finder()", Sched.LrFinder() },
        { "lr_finder(start_lr=1e-6, end_lr=1)", Sched.LrFinder(1e-6, 1) },
        { "0.1", Sched.Const(0.1) },
        { "[0.1, 0.2, 0.3]", Sched.Const(Hyper.Of(0.1, 0.2, 0.3)) },
        { "slice(1e-3)", Sched.Const(Hyper.Slice(1e-3)) },
        { "  cos(\n  .5,\t-3 )  ", Sched.Cos(0.5, -3) },
        { "cos(1E5, +2)", Sched.Cos(1e5, 2) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parses_to_the_factorys_value(string text, Sched expected) => Assert.Equal(expected, Sched.Parse(text));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Printing_then_parsing_gives_the_same_value(string text, Sched expected)
    {
        _ = text;
        Assert.Equal(expected, Sched.Parse(expected.ToString()));
    }

    [Theory]
    [InlineData("cos(0,", 1, 7, "a number, '[' or a function name")]
    [InlineData("cos(0 1)", 1, 7, "',' or ')'")]
    [InlineData("cos(0, 1) x", 1, 11, "end of text")]
    [InlineData("[1, 2", 1, 6, "',' or ']'")]
    [InlineData("one_cycle(0.01,\n  div=0)", 2, 7, "")]
    [InlineData("one_cycle(0.01, pct_start=1.5)", 1, 27, "")]
    [InlineData("coss(0, 1)", 1, 1, "combine, combined_cos, cos, exp, flat_cos, lin, lr_finder, no, one_cycle, poly, sgdr, slice, slice_v1")]
    [InlineData("one_cycle(0.01, dvi=3)", 1, 17, "lr_max, div, div_final, pct_start")]
    [InlineData("1e", 1, 2, "digits of an exponent after 'e'")]
    [InlineData("", 1, 1, "a number, '[' or a function name")]
    public void Errors_say_line_column_and_what_was_expected(string text, int line, int column, string expected)
    {
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse(text));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(expected, error.Expected);
        Assert.StartsWith($"line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one_cycle(0.01, div=0)", "one_cycle: div must be > 0, got 0")]
    [InlineData("exp(0, 1)", "exp: start must be > 0, got 0")]
    [InlineData("combine([0.5, 0.4], [lin(0,1), lin(1,0)])", "combine: pcts must sum to 1 (within 1e-09), got a sum of 0.9")]
    [InlineData("combine([1], [lin(0,1), lin(1,0)])", "combine: pcts must have one pct per schedule: got 1 pcts for 2 schedules")]
    [InlineData("sgdr(0.01, 2.5)", "sgdr: n_cycles must be a whole number, got 2.5")]
    [InlineData("sgdr(0.01)", "sgdr: n_cycles is required (sgdr(lr_max, n_cycles, cycle_len, cycle_mult))")]
    [InlineData("one_cycle(0.01, div=2, div=3)", "one_cycle: div is given twice")]
    [InlineData("cos(start=1, 2)", "cos: a positional argument cannot follow a named one")]
    [InlineData("lin(0, 1, 2)", "lin takes at most 2 arguments (start, end), got 3")]
    [InlineData("one_cycle(slice(-1, 1))", "slice: start must be > 0, got -1")]
    [InlineData("one_cycle(cos(0, 1))", "one_cycle: lr_max must be a number, a per-group list [a, b, …] or slice(…)")]
    [InlineData("1e999", "number 1e999 is too large for a double")]
    public void Range_and_shape_errors_use_the_factories_messages(string text, string reason) =>
        Assert.Equal(reason, Assert.Throws<SchedParseException>(() => Sched.Parse(text)).Reason);

    [Fact]
    public void Custom_annealers_parse_when_given()
    {
        var sqrt = Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos)));
        var sched = sqrt.Create(0, 1).Then(0.5, Sched.Cos(1, 0));
        Assert.Equal(sched, Sched.Parse(sched.ToString(), sqrt));
        Assert.Throws<SchedParseException>(() => Sched.Parse(sched.ToString()));
    }

    [Fact]
    public void TryParse_and_the_LanguageExt_boundary_do_not_throw()
    {
        Assert.True(Sched.TryParse("cos(1, 0)", out var sched));
        Assert.Equal(Sched.Cos(1, 0), sched);
        Assert.False(Sched.TryParse("cos(1, ", out _));
        Assert.True(SchedText.Parse("cos(1, 0)").IsSucc);
        Assert.True(SchedText.Parse("cos(1, ").IsFail);
    }
}
