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
        var row = new EpochResult(4, 0.5, 0.75, [0.25], TimeSpan.FromSeconds(65.9));
        Assert.Equal(["4", "0.500000", "0.750000", "0.250000", "01:05"], EpochColumns.Cells(row, 1));
    }

    [Fact]
    public void Cells_WithoutValidation_ReadNoneForTheLossAndEveryMetric()
    {
        var row = new EpochResult(0, 0.5, null, [], TimeSpan.Zero);
        Assert.Equal(["0", "0.500000", "None", "None", "None", "00:00"], EpochColumns.Cells(row, 2));
    }

    [Fact]
    public void Cells_RejectMoreMetricValuesThanColumns() =>
        Assert.Throws<ArgumentException>(() => EpochColumns.Cells(new EpochResult(0, 0.5, 0.5, [0.1, 0.2], TimeSpan.Zero), 1));

    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(59.99, "00:59")]
    [InlineData(3599, "59:59")]
    [InlineData(3723, "1:02:03")]
    public void FormatTime_IsFastaisFormatTime(double seconds, string expected) =>
        Assert.Equal(expected, EpochColumns.FormatTime(TimeSpan.FromSeconds(seconds)));
}
