using Xunit;

namespace SchedDsl.Core.Tests.Recording;

/// <summary><see cref="RecordedSchedule"/>: the plain record of a fit's applied values that the plots take.</summary>
public sealed class RecordedScheduleTests
{
    [Fact]
    public void Keeps_copies_of_the_values_and_the_first_step()
    {
        double[] lr = [0.1, 0.2, 0.3];
        var recorded = new RecordedSchedule([("lr", [lr]), ("mom", [[0.95, 0.9, 0.85], [0.95, 0.9, 0.85]])], firstStep: 7);
        lr[0] = 9;
        Assert.Equal(7, recorded.FirstStep);
        Assert.Equal(3, recorded.Count);
        Assert.Equal(["lr", "mom"], recorded.Hypers.Select(h => h.Name));
        Assert.Equal(0.1, recorded.Hypers[0].Groups[0][0]);
    }

    [Fact]
    public void Groups_of_different_lengths_are_refused_with_the_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new RecordedSchedule([("lr", [[0.1, 0.2]]), ("mom", [[0.9], [0.9, 0.8]])]));
        Assert.StartsWith("every group of every hyper-parameter needs 2 values, one per step; mom has groups of 1, 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hyper_parameter_without_groups_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new RecordedSchedule([("lr", [])]));
        Assert.StartsWith("every hyper-parameter needs a name and at least one group; got 'lr' with 0 groups", e.Message, StringComparison.Ordinal);
    }
}
