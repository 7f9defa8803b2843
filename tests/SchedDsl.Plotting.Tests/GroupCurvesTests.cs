using Xunit;

namespace SchedDsl.Plotting.Tests;

public sealed class GroupCurvesTests
{
    [Theory]
    [InlineData(new[] { 3 }, "group 3")]
    [InlineData(new[] { 0, 1 }, "groups 0, 1")]
    [InlineData(new[] { 0, 1, 2 }, "groups 0\u20132")]
    [InlineData(new[] { 0, 2 }, "groups 0, 2")]
    [InlineData(new[] { 0, 1, 2, 4, 5 }, "groups 0\u20132, 4, 5")]
    public void Labels_name_runs_of_three_or_more_as_ranges(int[] groups, string label) =>
        Assert.Equal(label, GroupCurves.Label(groups));

    [Fact]
    public void Merge_keeps_the_first_group_order_and_treats_NaN_as_equal()
    {
        double[] a = [1, double.NaN], b = [2, 3];
        var merged = GroupCurves.Merge([a, b, [1, double.NaN], b]);
        Assert.Equal(["groups 0, 2", "groups 1, 3"], merged.Select(m => m.Label));
        Assert.Same(a, merged[0].Values);
    }
}
