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
        { "combine([0.3, 0.7], [cos(0.3, 0.6), cos(0.6, 0.2)])", Sched.CombineScheds([0.3, 0.7], [Sched.Cos(0.3, 0.6), Sched.Cos(0.6, 0.2)]) },
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
        { "lin(5., -.25e+1)", Sched.Lin(5, -2.5) },
        { "lin(start=0, end=1)", Sched.Lin(0, 1) },
        { "cos(end=0, start=1)", Sched.Cos(1, 0) },
        { "exp(1e-3, end=1)", Sched.Exp(1e-3, 1) },
        { "poly(0, 2, power=0.5)", Sched.Poly(0, 2, 0.5) },
        { "poly(power=3, end=1, start=[0, 1])", Sched.Poly(Hyper.Of(0, 1), 1, 3) },
        { "combine(pcts=[1], scheds=[lin(0, 1)])", Sched.CombineScheds([1.0], [Sched.Lin(0, 1)]) },
        { "combine([0.5, 0, 0.5], [0.1, no(1, 2), [0.2, 0.3]])", Sched.CombineScheds([0.5, 0, 0.5], [Sched.Const(0.1), Sched.No(1, 2), Sched.Const(Hyper.Of(0.2, 0.3))]) },
        { "combine([1], [combine([0.5, 0.5], [lin(0, 1), lin(1, 0)])])", Sched.CombineScheds([1.0], [Sched.CombineScheds([0.5, 0.5], [Sched.Lin(0, 1), Sched.Lin(1, 0)])]) },
        { "combined_cos(pct=0.3, start=1, middle=2, end=slice(3))", Sched.CombinedCos(0.3, 1, 2, Hyper.Slice(3)) },
        { "one_cycle(0.01, div_final=1e4)", Sched.OneCycle(0.01, divFinal: 1e4) },
        { "one_cycle(pct_start=0.3, lr_max=0.01, div=10)", Sched.OneCycle(0.01, 10, pctStart: 0.3) },
        { "flat_cos(lr=1e-3)", Sched.FlatCos(1e-3) },
        { "flat_cos(1e-3, 100)", Sched.FlatCos(1e-3, 100) },
        { "sgdr(lr_max=0.01, n_cycles=2, cycle_len=2)", Sched.Sgdr(0.01, 2, 2) },
        { "sgdr(slice_v1(0.01), 4, 1, 1.5)", Sched.Sgdr(Hyper.Slice(0.01, SliceRule.FastaiV1), 4, 1, 1.5) },
        { "lr_finder(1e-6)", Sched.LrFinder(1e-6) },
        { "exp(slice(0, 1e-3), 1)", Sched.Exp(Hyper.Slice(0, 1e-3), 1) },
        { "lr_finder(end_lr=100)", Sched.LrFinder(endLr: 100) },
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
    [InlineData("combine([0.5, 0.4], [lin(0,1), lin(1,0)])", 1, 9, "")]
    [InlineData("sgdr(0.01)", 1, 1, "n_cycles")]
    [InlineData("cos(0, 1", 1, 9, "',' or ')'")]
    [InlineData("cos(0, 1,)", 1, 10, "a number, '[' or a function name")]
    [InlineData("lin(0, 1e+)", 1, 9, "digits of an exponent after 'e'")]
    [InlineData("lin(0, .)", 1, 8, "a number")]
    [InlineData("lin(0, #)", 1, 8, "a number, '[' or a function name")]
    [InlineData("one_cycle(0.01, div)", 1, 20, "'=' or '(' after 'div'")]
    [InlineData("one_cycle(lr_max=slice(1, 2, 3))", 1, 18, "slice(stop) or slice(start, stop)")]
    [InlineData("cos(0, 1) x", 1, 11, "end of text")]
    [InlineData("[1, 2", 1, 6, "',' or ']'")]
    [InlineData("one_cycle(0.01,\n  div=0)", 2, 7, "")]
    [InlineData("one_cycle(0.01, pct_start=1.5)", 1, 27, "")]
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

    [Fact]
    public void An_unknown_function_keeps_every_known_name_in_expected()
    {
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse("coss(0, 1)"));
        var known = string.Join(", ", FunctionTable.All.Keys.Append("slice").Append("slice_v1").Order(StringComparer.Ordinal));
        Assert.Equal((1, 1, known), (error.Line, error.Column, error.Expected));
        Assert.Equal("unknown function 'coss'; did you mean 'cos'?", error.Reason);
    }

    [Theory]
    [InlineData("coss(0, 1)", "unknown function 'coss'; did you mean 'cos'?")]
    [InlineData("cosine(0, 1)", "unknown function 'cosine'; did you mean 'cos'?")]
    [InlineData("onecycle(0.01)", "unknown function 'onecycle'; did you mean 'one_cycle'?")]
    [InlineData("slcie(0.01)", "unknown function 'slcie'; did you mean 'slice'?")]
    public void An_unknown_function_suggests_the_closest_known_name(string text, string reason) =>
        Assert.Equal(reason, Assert.Throws<SchedParseException>(() => Sched.Parse(text)).Reason);

    [Theory]
    [InlineData("one_cycle(0.01, pct_strat=0.3)", "one_cycle has no parameter 'pct_strat'; did you mean 'pct_start'? Its parameters are lr_max, div, div_final, pct_start")]
    [InlineData("one_cycle(0.01, dvi=3)", "one_cycle has no parameter 'dvi'; did you mean 'div'? Its parameters are lr_max, div, div_final, pct_start")]
    [InlineData("sgdr(0.01, 3, cyclelen=2)", "sgdr has no parameter 'cyclelen'; did you mean 'cycle_len'? Its parameters are lr_max, n_cycles, cycle_len, cycle_mult")]
    [InlineData("one_cycle(0.01, zzzzzzzz=3)", "one_cycle has no parameter 'zzzzzzzz'; its parameters are lr_max, div, div_final, pct_start")]
    public void An_unknown_parameter_suggests_the_closest_one_and_lists_them_all(string text, string reason) =>
        Assert.Equal(reason, Assert.Throws<SchedParseException>(() => Sched.Parse(text)).Reason);

    [Fact]
    public void An_unknown_function_far_from_every_name_lists_the_known_ones()
    {
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse("zzzzzzzz(0, 1)"));
        Assert.Equal($"unknown function 'zzzzzzzz'; known functions are {error.Expected}", error.Reason);
    }

    [Theory]
    [InlineData("one_cycle(0.01, div=0)", "one_cycle: div must be > 0, got 0")]
    [InlineData("exp(0, 1)", "exp: start must be > 0, got 0")]
    [InlineData("combine([0.5, 0.4], [lin(0,1), lin(1,0)])", "combine: pcts must sum to 1 (within 1e-09), got a sum of 0.9")]
    // 0.3 + 0.6 is 0.8999999999999999 in double; the message rounds a computed number to 12 significant digits.
    [InlineData("combine([0.3, 0.6], [lin(0,1), lin(1,0)])", "combine: pcts must sum to 1 (within 1e-09), got a sum of 0.9")]
    // 1 - 0.7 is 0.30000000000000004 in double.
    [InlineData("wsd(0.1, 0.7, 0.5)", "wsd: decay_pct must be <= 1 - warmup_pct = 0.3 (the two phases must fit in training), got 0.5")]
    [InlineData("combine([1], [lin(0,1), lin(1,0)])", "combine: pcts must have one pct per schedule: got 1 pcts for 2 schedules")]
    [InlineData("sgdr(0.01, 1e10)", "sgdr: n_cycles must be <= 2147483647, got 10000000000")]
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
    public void TryParse_does_not_throw()
    {
        Assert.True(Sched.TryParse("cos(1, 0)", out var sched));
        Assert.Equal(Sched.Cos(1, 0), sched);
        Assert.False(Sched.TryParse("cos(1, ", out _));
    }
}
