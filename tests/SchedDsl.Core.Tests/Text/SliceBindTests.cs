using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Core.Tests.Robustness;
using SchedDsl.Serialization;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>
/// Issue 22, items 1 and 2: a slice's own rules (each end in range, a start > 0, a stop/start that stays finite, a
/// stop/10 or stop/3 that does not underflow) run when text or JSON is read, so bad text is a
/// <see cref="SchedParseException"/> with a place, <c>TryParse</c> is false, and bad JSON is a <see cref="JsonException"/>
/// with a path; before, they ran only in <see cref="Hyper.Slice(double, double)"/> and escaped as
/// <see cref="SchedArgumentException"/>.
/// </summary>
public sealed class SliceBindTests
{
    private const double Limit = Rules.ValueLimit;

    [Fact]
    public void TryParse_of_a_slice_out_of_range_is_false()
    {
        Assert.False(Sched.TryParse("slice(1e308)", out var sched));
        Assert.Null(sched);
    }

    [Fact]
    public void Parse_of_an_underflowing_slice_reports_the_stop_with_line_and_column()
    {
        const string text = "flat_cos(slice(-4.5e-324), 0.01, 0.5)";
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse(text));
        Assert.Equal((1, text.IndexOf("-4.5e-324", StringComparison.Ordinal) + 1), (error.Line, error.Column));
        Assert.Equal("slice: stop must be 0 or large enough that stop/10 (the other groups' value) is not 0, got -5e-324", error.Reason);
    }

    [Theory]
    [InlineData("""{"fn":"slice","start":1e308,"stop":1}""", "$.start: slice: start must be within ±4.4942328371557893e+307")]
    [InlineData("""{"fn":"one_cycle","lr_max":{"fn":"slice","start":1e-300,"stop":1e10}}""", "$.lr_max.stop: slice: stop must keep stop/start a number in [0, ")]
    [InlineData("""{"fn":"one_cycle","lr_max":{"fn":"slice_v1","stop":5e-324}}""", "$.lr_max.stop: slice_v1: stop must be 0 or large enough that stop/3")]
    [InlineData("""{"fn":"slice","start":0,"stop":5e-324}""", "$.stop: slice: stop must be 0 or large enough that stop/10")]
    public void Json_reports_a_slice_out_of_range_at_its_path(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => SchedJson.Deserialize(json));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each rule path of <c>slice</c> and <c>slice_v1</c>: the slice written with a hole for the number under test, and
    /// that number's boundary values (the last value inside the range, the bound itself, the first value outside).
    /// </summary>
    public static readonly (string Path, Func<double, string> Slice, double[] Boundary)[] RulePaths =
    [
        ("slice(stop): stop within the bound", v => $"slice({F(v)})", Around(Limit, -Limit)),
        ("slice(stop): stop/10 does not underflow", v => $"slice({F(v)})", [.. Around(double.Epsilon, -double.Epsilon), 5e-323, 2.5e-323, 0, -0.0]),
        ("slice_v1(stop): stop within the bound", v => $"slice_v1({F(v)})", Around(Limit, -Limit)),
        ("slice_v1(stop): stop/3 does not underflow", v => $"slice_v1({F(v)})", [.. Around(double.Epsilon, -double.Epsilon), 1e-323, 0]),
        ("slice(start, stop): start within the bound", v => $"slice({F(v)}, 1)", Around(Limit, -Limit)),
        ("slice(start, stop): stop within the bound", v => $"slice(1, {F(v)})", Around(Limit, -Limit)),
        ("slice(start, stop): start > 0", v => $"slice({F(v)}, 1)", [-double.Epsilon, double.Epsilon, -1, 1e-300]),
        ("slice(start, stop): stop > 0", v => $"slice(1e-3, {F(v)})", [-double.Epsilon, 0, -0.0, double.Epsilon, -1]),
        ("slice(start, stop): stop/start within the bound", v => $"slice({F(v)}, 1e10)", [1e10 / Limit, 2.3e-298, 2.2e-298, 1e-300, double.Epsilon]),
        ("slice(0, stop): stop within the bound", v => $"slice(0, {F(v)})", Around(Limit, -Limit)),
        ("slice(0, stop): stop/10 does not underflow", v => $"slice(0, {F(v)})", [.. Around(double.Epsilon, -double.Epsilon), 5e-323, 0]),
        ("slice(…): every number finite", v => $"slice({F(v)})", [double.MaxValue, double.PositiveInfinity, double.NegativeInfinity]),
        ("slice(…) under the parameter's rule", v => $"slice({F(v)}, 1e-2)", [1e-3, double.Epsilon, 0, -1e-3]),
    ];

    /// <summary>Where a slice may stand: as a constant (any finite value), or given to parameters of different rules.</summary>
    private static readonly (Func<string, string> Text, Func<Hyper, Sched> Build)[] Contexts =
    [
        (s => s, Sched.Const),
        (s => $"cos({s}, 0)", h => Sched.Cos(h, 0)),
        (s => $"exp(1, {s})", h => Sched.Exp(1, h)),
        (s => $"flat_cos({s}, 0.01, 0.5)", h => Sched.FlatCos(h, 0.01, 0.5)),
        (s => $"one_cycle({s})", h => Sched.OneCycle(h)),
        (s => $"combine([0.5, 0.5], [lin(0, 1), {s}])", h => Sched.CombineScheds([0.5, 0.5], [Sched.Lin(0, 1), Sched.Const(h)])),
    ];

    [Fact]
    public void The_rule_paths_are_thirteen_and_each_path_rejects_one_of_its_boundary_values()
    {
        Assert.Equal(13, RulePaths.Length);
        foreach (var (path, slice, boundary) in RulePaths)
        {
            Assert.True(boundary.Any(v => !Sched.TryParse(slice(v), out _) || Contexts.Any(c => !Sched.TryParse(c.Text(slice(v)), out _))), path);
        }
    }

    [Fact]
    public void TryParse_never_throws_and_agrees_with_the_factories_on_every_rule_path_boundary()
    {
        foreach (var (path, slice, boundary) in RulePaths)
        {
            foreach (var value in boundary)
            {
                foreach (var context in Contexts)
                {
                    AgreesWithTheFactories(context.Text(slice(value)), context.Build);
                }
            }
        }
    }

    [Fact]
    public void TryParse_never_throws_on_random_slices()
    {
        var gen =
            from shape in Gen.Choose(0, 3)
            from start in Numbers
            from stop in Numbers
            from context in Gen.Choose(0, Contexts.Length - 1)
            select (shape, start, stop, context);
        SweepCheck.Run(
            Prop.ForAll(gen.ToArbitrary(), c =>
            {
                var slice = c.shape switch
                {
                    0 => $"slice({F(c.stop)})",
                    1 => $"slice_v1({F(c.stop)})",
                    2 => $"slice({F(c.start)}, {F(c.stop)})",
                    _ => $"slice(0, {F(c.stop)})",
                };
                AgreesWithTheFactories(Contexts[c.context].Text(slice), Contexts[c.context].Build);
            }),
            ci: 1_000,
            large: 500_000);
    }

    /// <summary>
    /// <c>TryParse</c> and <c>SchedJson.Deserialize</c> of the text's JSON never throw anything but their own errors, and accept
    /// exactly what the C# factories accept, rejecting it with the factories' message.
    /// </summary>
    private static void AgreesWithTheFactories(string text, Func<Hyper, Sched> build)
    {
        var parsed = Sched.TryParse(text, out var sched);
        var slice = SliceOf(text);
        var built = Record.Exception(() => build(slice.Build()));
        Assert.True(built is null or SchedArgumentException, $"{text}: the factory threw {built}");
        Assert.True(parsed == (built is null), $"{text}: TryParse is {parsed}, the factories say {built?.Message ?? "fine"}");
        if (!parsed)
        {
            var json = Record.Exception(() => SchedJson.Deserialize(JsonOf(text)));
            Assert.True(json is JsonException, $"{text}: JSON gave {json}");
            Assert.Contains(built!.Message, json.Message, StringComparison.Ordinal);
            var error = Assert.Throws<SchedParseException>(() => Sched.Parse(text));
            Assert.True(error.Line == 1 && error.Column >= 1, text);
            if (slice.Numbers.All(double.IsFinite))
            {
                Assert.Equal(built.Message, error.Reason);
            }
            else
            {
                // The text form has no ∞: 1e999 is a syntax error (too large for a double), before any slice rule.
                Assert.Matches("^number -?1e999 is too large for a double$", error.Reason);
            }
        }
        else
        {
            Assert.Equal(sched, SchedJson.Deserialize(SchedJson.Serialize(sched!)));
        }
    }

    /// <summary>The JSON of <paramref name="text"/> written by hand (it may not parse, so it cannot be serialized).</summary>
    private static string JsonOf(string text)
    {
        var slice = SliceOf(text);
        var sliceJson = slice.Start is { } start
            ? $$"""{"fn":"slice","start":{{Json(start)}},"stop":{{Json(slice.Stop)}}}"""
            : $$"""{"fn":"{{(slice.V1 ? "slice_v1" : "slice")}}","stop":{{Json(slice.Stop)}}}""";
        return text[..text.IndexOf("slice", StringComparison.Ordinal)] switch
        {
            "" => sliceJson,
            "cos(" => $$"""{"fn":"cos","start":{{sliceJson}},"end":0}""",
            "exp(1, " => $$"""{"fn":"exp","start":1,"end":{{sliceJson}}}""",
            "flat_cos(" => $$"""{"fn":"flat_cos","lr":{{sliceJson}},"div_final":0.01,"pct_start":0.5}""",
            "one_cycle(" => $$"""{"fn":"one_cycle","lr_max":{{sliceJson}}}""",
            _ => $$"""{"fn":"combine","pcts":[0.5,0.5],"scheds":[{"fn":"lin","start":0,"end":1},{{sliceJson}}]}""",
        };
    }

    // JSON has no ∞: a number past double's range reads as ∞, as in the text form.
    private static string Json(double value) => double.IsFinite(value) ? F(value) : value > 0 ? "1e999" : "-1e999";

    private sealed record WrittenSlice(double? Start, double Stop, bool V1)
    {
        public IEnumerable<double> Numbers => Start is { } start ? [start, Stop] : [Stop];

        public Hyper Build() => Start is { } start ? Hyper.Slice(start, Stop) : Hyper.Slice(Stop, V1 ? SliceRule.FastaiV1 : SliceRule.FastaiV2);
    }

    private static WrittenSlice SliceOf(string text)
    {
        var at = text.IndexOf("slice", StringComparison.Ordinal);
        var open = text.IndexOf('(', at);
        var numbers = text[(open + 1)..text.IndexOf(')', open)].Split(", ").Select(Parse).ToArray();
        return numbers.Length == 2 ? new(numbers[0], numbers[1], false) : new(null, numbers[0], text[at..open] == "slice_v1");
    }

    private static double Parse(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Written as the text form writes numbers; ∞ as a literal past double's range.</summary>
    private static string F(double value) => double.IsFinite(value) ? TextNumbers.Format(value) : value > 0 ? "1e999" : "-1e999";

    private static double[] Around(params double[] bounds) =>
        [.. bounds.SelectMany(b => new[] { Math.BitDecrement(b), b, Math.BitIncrement(b) })];

    /// <summary>Numbers around every bound a slice has, and ordinary ones.</summary>
    private static readonly Gen<double> Numbers = Gen.OneOf(
        Gen.Elements(
            0, -0.0, double.Epsilon, -double.Epsilon, 2.5e-323, 5e-323, 1e-323, 1e-300, 1e-10, 1e-3, 1, 1e10, 1e300,
            Limit, Math.BitIncrement(Limit), -Limit, -Math.BitIncrement(Limit), double.MaxValue, double.PositiveInfinity),
        from mantissa in Gen.Choose(-1000, 1000)
        from exponent in Gen.Choose(-330, 310)
        select mantissa * Math.Pow(10, exponent));
}
