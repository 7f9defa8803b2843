using Xunit;

namespace SchedDsl.Core.Tests.Composition;

public sealed class CombineTests
{
    private static readonly Sched SeedExample = Sched.CombineScheds([0.3, 0.7], [Sched.Cos(0.3, 0.6), Sched.Cos(0.6, 0.2)]);

    [Fact]
    public void Runs_each_schedule_over_its_share()
    {
        // The seed's example: cos(0.3, 0.6) on [0, 0.3), then cos(0.6, 0.2) on [0.3, 1].
        Assert.Equal(0.3, SeedExample.At(0), Tolerance.Double);
        Assert.Equal(Annealers.Cos(0.3, 0.6, 0.5), SeedExample.At(0.15), Tolerance.Double);
        Assert.Equal(Annealers.Cos(0.6, 0.2, 0.5), SeedExample.At(0.65), Tolerance.Double);
        Assert.Equal(0.2, SeedExample.At(1), Tolerance.Double);
    }

    [Fact]
    public void At_a_join_the_later_schedule_starts()
    {
        // fastai: idx = max{i : pos >= cum[i]}, so pos 0.3 is position 0 of the second schedule.
        var s = Sched.CombineScheds([0.3, 0.2, 0.5], [Sched.Lin(0, 1), Sched.No(5, 5), Sched.Cos(1, 0)]);
        Assert.Equal(5.0, s.At(0.3), Tolerance.Double);
        Assert.Equal(1.0, s.At(0.5), Tolerance.Double);
    }

    [Fact]
    public void Zero_width_segments_never_run_even_last()
    {
        // fastai divides by zero for a zero-width last segment; we keep the previous one to its end.
        var s = Sched.CombineScheds([1.0, 0.0], [Sched.Lin(0, 1), Sched.No(7, 7)]);
        Assert.Equal(1.0, s.At(1), Tolerance.Double);
        var leading = Sched.CombineScheds([0.0, 1.0], [Sched.No(7, 7), Sched.Lin(0, 1)]);
        Assert.Equal(0.0, leading.At(0), Tolerance.Double);
    }

    [Fact]
    public void Then_uses_absolute_join_positions()
    {
        var a = Sched.Lin(0, 1);
        var b = Sched.Cos(1, 2);
        var c = Sched.Exp(2, 4);
        var chained = a.Then(0.3, b).Then(0.8, c);
        var combined = Sched.CombineScheds([0.3, 0.5, 0.2], [a, b, c]);
        foreach (var pos in new[] { 0.0, 0.1, 0.3, 0.5, 0.79, 0.8, 0.9, 1.0 })
        {
            Assert.Equal(combined.At(pos), chained.At(pos), Tolerance.Double);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Then_rejects_a_join_outside_the_open_interval(double at)
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.Lin(0, 1).Then(at, Sched.Cos(1, 0)));
        Assert.StartsWith("then: at must be in (0, 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Then_rejects_a_join_before_the_last_one()
    {
        var error = Assert.Throws<SchedArgumentException>(
            () => Sched.Lin(0, 1).Then(0.5, Sched.Cos(1, 0)).Then(0.4, Sched.No(0, 0)));
        Assert.StartsWith("then: at must be in (0.5, 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pcts_must_match_schedules()
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.CombineScheds([0.5, 0.5], [Sched.Lin(0, 1)]));
        Assert.Equal("combine: pcts must have one pct per schedule: got 2 pcts for 1 schedules", error.Message);
    }

    [Fact]
    public void Pcts_must_sum_to_one_within_tolerance()
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.CombineScheds([0.5, 0.4], [Sched.Lin(0, 1), Sched.Lin(1, 0)]));
        Assert.Contains("must sum to 1 (within 1e-09), got a sum of 0.9", error.Message, StringComparison.Ordinal);
        // 0.1 + 0.2 + 0.7 is 0.9999999999999999 in double: accepted, unlike fastai's exact float32 check.
        _ = Sched.CombineScheds([0.1, 0.2, 0.7], [Sched.Lin(0, 1), Sched.Lin(1, 0), Sched.No(0, 0)]);
    }

    [Fact]
    public void Negative_pct_names_its_index()
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.CombineScheds([1.5, -0.5], [Sched.Lin(0, 1), Sched.Lin(1, 0)]));
        Assert.StartsWith("combine: pcts[1] must be >= 0, got -0.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CombineScheds_and_the_text_form_combine_are_synonyms()
    {
        // fastai's combine_scheds is Sched.CombineScheds in .NET and combine(...) in text (docs/from-fastai.md): both
        // spellings build the same schedule, and it prints back as the text form.
        const string Text = "combine([0.3, 0.7], [cos(0.3, 0.6), cos(0.6, 0.2)])";
        Assert.Equal(SeedExample, Sched.Parse(Text));
        Assert.Equal(Text, SeedExample.ToString());
    }
}
