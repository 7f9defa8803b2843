using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Core.Tests.Robustness;
using SchedDsl.Parsing;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Core.Tests.Text;

/// <summary>
/// <see cref="Sched.Parse(string, AnnealerFactory[])"/> reads valid text in one pass (<see cref="SchedTextReader"/>) and
/// text with a problem with the binder, which reports it: the two must give the same answer on every text.
/// </summary>
public sealed class OnePassReaderTests
{
    private static readonly Dictionary<string, AnnealerFactory> NoCustomAnnealers = new(StringComparer.Ordinal);

    /// <summary>Both readers accept the text or both refuse it, and when they accept it they build equal schedules.</summary>
    private static bool Agree(string text)
    {
        var onePass = SchedTextReader.TryRead(text);
        var (bound, _) = SchedBinder.Bind(text, new SchedBuilder(NoCustomAnnealers));
        return (onePass is null) == (bound is null) && (onePass is null || onePass.Equals(bound));
    }

    [Property(MaxTest = 300)]
    public Property Every_generated_schedule_is_read_in_one_pass_as_the_binder_reads_it() =>
        Prop.ForAll(Arbitraries.Schedule.ToArbitrary(), sched =>
        {
            var text = sched.ToString();
            return SchedTextReader.TryRead(text) is { } read && read.Equals(sched) && Agree(text);
        });

    // Sweeps: 500 cases each on CI, 500,000 under SCHEDDSL_SWEEP=large (docs/robustness.md).
    [Fact]
    public void Mutated_valid_text_gets_the_same_answer_from_both_readers() =>
        SweepCheck.Run(Prop.ForAll(RobustnessTests.MutatedValidText.ToArbitrary(), Agree), ci: 500, large: 20_000);

    [Fact]
    public void Random_text_gets_the_same_answer_from_both_readers() =>
        SweepCheck.Run(Prop.ForAll(RobustnessTests.RandomText.ToArbitrary(), Agree), ci: 500, large: 20_000);

    [Theory]
    // Each form the grammar allows, and whitespace between every token.
    [InlineData("one_cycle(slice(1e-4, 1e-2), pct_start=0.25, div=10)")]
    [InlineData(" combine ( [ 0.3 , 0.7 ] , [ cos ( 1 , 0 ) , lin( 0 ,1 ) ] ) ")]
    [InlineData("flat_cos([0.001, 0.01], div_final=1e3)")]
    [InlineData("one_cycle(slice_v1(1e-2))")]
    [InlineData("one_cycle(slice(0, 1e-2))")]
    [InlineData("[0.1, 0.2]")]
    [InlineData("slice(1e-3)")]
    [InlineData("-.5e+2")]
    [InlineData("sgdr(1e-2, 4, cycle_mult=2)")]
    [InlineData("multi_step(1, [0.3, 0.6], gamma=0.5)")]
    public void Each_form_of_valid_text_is_read_in_one_pass(string text)
    {
        Assert.NotNull(SchedTextReader.TryRead(text));
        Assert.True(Agree(text), text);
    }

    [Theory]
    // Each is the binder's to report, with its place.
    [InlineData("cos(1, 0", "syntax: no ')'")]
    [InlineData("cos(1, 0) x", "text after the schedule")]
    [InlineData("cos(end=0, 1)", "a positional argument after a named one")]
    [InlineData("cos(1, start=0)", "a parameter given twice")]
    [InlineData("cos(1, 0, 2)", "too many arguments")]
    [InlineData("cos(1)", "a required argument missing")]
    [InlineData("cos(1, 0, ends=2)", "no such parameter")]
    [InlineData("one_cycle(0.01, div=0)", "a value outside its rule")]
    [InlineData("one_cycle(slice(1e308))", "a slice outside its rules")]
    [InlineData("combine([0.5], [cos(1, 0), lin(0, 1)])", "a cross-argument rule")]
    [InlineData("one_cycle([])", "an empty per-group list")]
    [InlineData("coss(1, 0)", "an unknown function")]
    [InlineData("1e999", "a number too large")]
    public void Text_with_a_problem_is_left_to_the_binder(string text, string problem)
    {
        Assert.True(SchedTextReader.TryRead(text) is null, problem);
        Assert.False(Sched.TryParse(text, out _), problem);
    }

    [Fact]
    public void Text_calling_a_user_annealer_is_read_by_the_binder()
    {
        var annealer = Sched.Annealer("half", (start, end, pos) => start + ((end - start) * pos / 2));
        Assert.Null(SchedTextReader.TryRead("half(0, 1)"));
        Assert.Equal(0.25, Sched.Parse("half(0, 1)", annealer).At(0.5), 12);
    }

    [Fact]
    public void Nesting_near_the_parsers_limit_gets_the_same_answer_from_both_readers()
    {
        for (var levels = SyntaxParser.MaxDepth - 3; levels <= SyntaxParser.MaxDepth + 3; levels++)
        {
            var lists = new string('[', levels) + "1" + new string(']', levels);
            Assert.True(Agree(lists), lists);
            var calls = string.Concat(Enumerable.Repeat("combine([1], [", levels)) + "1" + string.Concat(Enumerable.Repeat("])", levels));
            Assert.True(Agree(calls), calls);
        }
    }
}
