using Xunit;

namespace SchedDsl.Core.Tests.Robustness;

/// <summary>B6 of issue 12: a custom annealer cannot take a built-in's name, which would print as the built-in.</summary>
public sealed class ReservedNameTests
{
    [Theory]
    [InlineData("cos")]
    [InlineData("lin")]
    [InlineData("one_cycle")]
    [InlineData("slice")]
    [InlineData("slice_v1")]
    public void A_custom_annealer_cannot_take_a_built_in_name(string name)
    {
        var error = Assert.Throws<SchedArgumentException>(() => Sched.Annealer(name, (start, end, pos) => start));
        Assert.StartsWith($"annealer: name must not be a built-in function's name (see Sched.Parse's list), got '{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_names_still_work_and_round_trip()
    {
        var sqrt = Sched.Annealer("cos_sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos)));
        var sched = sqrt.Create(0, 1);
        Assert.Equal(sched, Sched.Parse(sched.ToString(), sqrt));
    }
}
