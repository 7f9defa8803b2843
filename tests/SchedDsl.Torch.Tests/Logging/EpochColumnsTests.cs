using Xunit;

namespace SchedDsl.Torch.Tests;

public sealed class EpochColumnsTests
{
    [Fact]
    public void Names_AreFastaisWithTheMetricsBeforeTime() =>
        Assert.Equal(["epoch", "train_loss", "valid_loss", "accuracy", "error_rate", "time"], EpochColumns.Names(["accuracy", "error_rate"]));

    [Fact]
    public void Cells_FormatTheNumbersAsFastaiDoes()
    {
        var row = new EpochResult(4, 0.5, null, [0.25], TimeSpan.FromSeconds(65.9));
        Assert.Equal(["4", "0.500000", "None", "0.250000", "01:05"], EpochColumns.Cells(row));
    }

    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(59.99, "00:59")]
    [InlineData(3599, "59:59")]
    [InlineData(3723, "1:02:03")]
    public void FormatTime_IsFastaisFormatTime(double seconds, string expected) =>
        Assert.Equal(expected, EpochColumns.FormatTime(TimeSpan.FromSeconds(seconds)));
}
