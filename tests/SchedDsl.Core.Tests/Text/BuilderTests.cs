using System.Globalization;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>
/// <see cref="ISchedBuilder{T}"/> beyond Core's own builder: a table-driven C# emitter of the kind the source
/// generator implements, and errors a builder raises.
/// </summary>
public sealed class BuilderTests
{
    /// <summary>Emits <c>Sched.{CSharpFactory}({CSharpName}: …)</c> from the function table alone, defaults left out.</summary>
    private sealed class CSharpEmitter : ISchedBuilder<string>
    {
        public string Constant(BoundHyper value) => $"global::SchedDsl.Sched.Const({Hyper(value)})";

        public string Call(BoundCall call, IReadOnlyList<string> scheds)
        {
            var arguments = new List<string>();
            for (var i = 0; i < call.Function.Params.Count; i++)
            {
                var parameter = call.Function.Params[i];
                var code = call.Arguments[i] switch
                {
                    null => null,
                    BoundHyper hyper => Hyper(hyper),
                    BoundNumber number when parameter.Kind == ParamKind.Integer => ((int)number.Value).ToString(CultureInfo.InvariantCulture),
                    BoundNumber number => Number(number.Value),
                    BoundNumbers numbers => $"new double[] {{ {string.Join(", ", numbers.Values.Select(Number))} }}",
                    BoundScheds when parameter.Kind == ParamKind.Sched => scheds[0],
                    BoundScheds => $"new global::SchedDsl.Sched[] {{ {string.Join(", ", scheds)} }}",
                    _ => throw new InvalidOperationException(),
                };
                if (code is not null)
                {
                    arguments.Add($"{parameter.CSharpName}: {code}");
                }
            }
            return $"global::SchedDsl.Sched.{call.Function.CSharpFactory}({string.Join(", ", arguments)})";
        }

        private static string Number(double value) => TextNumbers.Format(value);

        private static string Hyper(BoundHyper value) => value.Form switch
        {
            HyperForm.Scalar => Number(value.Numbers[0]),
            HyperForm.List => $"global::SchedDsl.Hyper.Of({string.Join(", ", value.Numbers.Select(Number))})",
            HyperForm.SliceV1 => $"global::SchedDsl.Hyper.Slice({Number(value.Numbers[0])}, global::SchedDsl.SliceRule.FastaiV1)",
            _ => $"global::SchedDsl.Hyper.Slice({string.Join(", ", value.Numbers.Select(Number))})",
        };
    }

    [Theory]
    [InlineData("one_cycle(slice(1e-4, 1e-2), pct_start=0.3)", "global::SchedDsl.Sched.OneCycle(lrMax: global::SchedDsl.Hyper.Slice(0.0001, 0.01), pctStart: 0.3)")]
    [InlineData("sgdr(0.01, 3)", "global::SchedDsl.Sched.Sgdr(lrMax: 0.01, nCycles: 3)")]
    [InlineData("combine([0.3, 0.7], [lin(0, [1, 2]), 1e-05])", "global::SchedDsl.Sched.CombineScheds(pcts: new double[] { 0.3, 0.7 }, scheds: new global::SchedDsl.Sched[] { global::SchedDsl.Sched.Lin(start: 0, end: global::SchedDsl.Hyper.Of(1, 2)), global::SchedDsl.Sched.Const(1e-05) })")]
    [InlineData("replan(one_cycle(0.01), 1000, 400, 1500)", "global::SchedDsl.Sched.ReplanStretch(sched: global::SchedDsl.Sched.OneCycle(lrMax: 0.01), planned: 1000, at: 400, total: 1500)")]
    [InlineData("flat_cos(slice_v1(3e-3))", "global::SchedDsl.Sched.FlatCos(lr: global::SchedDsl.Hyper.Slice(0.003, global::SchedDsl.SliceRule.FastaiV1))")]
    public void A_table_driven_builder_emits_the_factory_calls(string text, string code)
    {
        var (emitted, errors) = SchedBinder.Bind(text, new CSharpEmitter());
        Assert.Empty(errors);
        Assert.Equal(code, emitted);
    }

    private sealed class Refusing : ISchedBuilder<int>
    {
        public int Constant(BoundHyper value) => 0;

        public int Call(BoundCall call, IReadOnlyList<int> scheds) =>
            call.Function.Name == "cos"
                ? throw new TextErrorException(new TextError("no cos here", call.Syntax.Start, call.Syntax.Length, "lin"))
                : scheds.Sum() + 1;
    }

    [Fact]
    public void Bind_returns_the_builders_error_and_builds_bottom_up()
    {
        var (built, none) = SchedBinder.Bind("combine([0.5, 0.5], [lin(0, 1), 2])", new Refusing());
        Assert.Equal((2, 0), (built, none.Length));
        var (_, errors) = SchedBinder.Bind("combine([0.5, 0.5],\n [lin(0, 1), cos(1, 0)])", new Refusing());
        var error = Assert.Single(errors);
        Assert.Equal(("no cos here", "lin", (2, 14)), (error.Message, error.Expected, error.Position("combine([0.5, 0.5],\n [lin(0, 1), cos(1, 0)])")));
    }

    [Fact]
    public void Every_part_the_builder_refuses_is_one_more_problem_and_nothing_with_one_inside_is_built()
    {
        // Both cosines are refused: the binder goes on after the first, and the combine around them is never built.
        var text = "combine([0.25, 0.25, 0.5], [cos(1, 0), lin(0, 1), cos(0, 1)])";
        var (built, errors) = SchedBinder.Bind(text, new Refusing());
        Assert.Equal(0, built);
        Assert.Equal([(1, 29), (1, 51)], errors.Select(e => e.Position(text)));
    }

    [Fact]
    public void Core_reports_a_factory_only_check_at_the_argument_it_names()
    {
        // The table cannot say "the two shares must fit in training together"; the factory's SchedArgumentException
        // comes back as a parse error at the argument its ParamName names.
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse("wsd(0.1, 0.6,\n    0.6)"));
        Assert.Equal((2, 5, ""), (error.Line, error.Column, error.Expected));
        Assert.StartsWith("wsd: decay_pct must be <= 1 - warmup_pct = 0.4", error.Reason, StringComparison.Ordinal);
    }
}
