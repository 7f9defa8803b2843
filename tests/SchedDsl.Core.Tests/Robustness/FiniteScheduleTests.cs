using Xunit;

namespace SchedDsl.Core.Tests.Robustness;

/// <summary>
/// B2 of issue 12: each schedule that used to build and then give NaN or ∞ is now rejected when it is built (or
/// its groups resolved), with a message naming the function, the parameter, the value and the range.
/// </summary>
public sealed class FiniteScheduleTests
{
    public static TheoryData<string, Func<object>, string> Cases() => new()
    {
        { "cos beyond the magnitude bound", () => Sched.Cos(-1e308, 1e308), "cos: start must be within ±4.4942328371557893e+307" },
        { "one_cycle lr_max/div overflow", () => Sched.OneCycle(1e300, div: 1e-10), "one_cycle: div must keep lr_max/div within ±" },
        { "flat_cos lr/div_final overflow", () => Sched.FlatCos(1, divFinal: 1e-310), "flat_cos: div_final must keep lr/div_final within ±" },
        { "lr_finder ratio overflow", () => Sched.Parse("lr_finder(1e-300, 1e9)"), "lr_finder: end_lr must keep end_lr/start_lr a number in [0, " },
        { "exp ratio overflow", () => Sched.Exp(5e-324, 1), "exp: end must keep end/start a number in [0, " },
        { "slice ratio overflow", () => Hyper.Slice(1e-300, 1e10), "slice: stop must keep stop/start a number in [0, " },
        { "warmup_cosine of a wide slice", () => Sched.Parse("warmup_cosine(slice(1e-300, 1e10), 0.1)"), "slice: stop must keep stop/start" },
        { "slice_v1 underflow", () => Sched.Parse("exponential_decay(slice_v1(5e-324), 0.5, 0.1)"), "slice_v1: stop must be 0 or large enough that stop/3" },
        { "exp between two groups", () => Sched.Exp(Hyper.Of(1, 5e-324), Hyper.Of(1, 1)).ForGroups(2), "exp: end must keep end/start a number in [0, " },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_schedule_that_would_not_be_finite_is_rejected_with_function_parameter_and_range(string name, Func<object> build, string message)
    {
        var error = Record.Exception(build);
        Assert.True(error is SchedArgumentException or SchedParseException, $"{name}: {error}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bound_is_inclusive_and_such_schedules_are_finite()
    {
        var limit = double.MaxValue / 4;
        Assert.All(Sched.Cos(-limit, limit).Sample(101), v => Assert.True(double.IsFinite(v)));
        Assert.All(Sched.Exp(1e-300, 1e7).Sample(101), v => Assert.True(double.IsFinite(v)));
        Assert.All(Hyper.Slice(1e-150, 1e150).ForGroups(7), v => Assert.True(double.IsFinite(v)));
    }
}
