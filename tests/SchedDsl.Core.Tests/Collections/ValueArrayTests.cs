using SchedDsl.Collections;
using Xunit;

namespace SchedDsl.Core.Tests.Collections;

public sealed class ValueArrayTests
{
    // Issue 22, item 3: the other public IReadOnlyList (a combine's Pcts and Scheds are ValueArrays) must throw
    // ArgumentOutOfRangeException too, also when it is default (no array behind it).
    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void The_indexer_rejects_an_index_out_of_range_as_an_argument(int index)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ValueArray<double>([1, 2])[index]);
        Assert.Equal("index", error.ParamName);
        Assert.StartsWith($"index must be in [0, 1], got {index}", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, new ValueArray<double>([1, 2])[1]);
    }

    [Fact]
    public void A_default_array_is_empty_and_its_indexer_says_so()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => default(ValueArray<double>)[0]);
        Assert.StartsWith("index 0 is out of range: the array is empty", error.Message, StringComparison.Ordinal);
    }
}
