using SchedDsl.Torch;
using Xunit;

namespace SchedDsl.Progress.Tests;

public sealed class ResultsTableLayoutTests
{
    private static readonly IReadOnlyList<string> Names = EpochColumns.Names(["accuracy"]);
    private static readonly string[] Cells = ["3", "0.612345", "0.512345", "0.812300", "00:05"];

    [Fact]
    public void Wide_OneLineEach_CellsUnderTheirNames()
    {
        var layout = new ResultsTableLayout(Names, 120);
        var header = Assert.Single(layout.Header());
        var row = Assert.Single(layout.Row(Cells));
        Assert.Equal("epoch     train_loss  valid_loss  accuracy  time", header);
        Assert.Equal("3         0.612345    0.512345    0.812300  00:05", row);
    }

    [Fact]
    public void Narrow_ContinuesAtTheSameBreaksForHeaderAndRows_AndFits()
    {
        var layout = new ResultsTableLayout(Names, 40);
        var header = layout.Header();
        var row = layout.Row(Cells);
        Assert.Equal(["epoch     train_loss  valid_loss", "  accuracy  time"], header);
        Assert.Equal(["3         0.612345    0.512345", "  0.812300  00:05"], row);
        Assert.All(header.Concat(row), l => Assert.True(l.Length < 40));
    }

    [Fact]
    public void ARowWithTheWrongNumberOfCells_IsRejected()
    {
        var layout = new ResultsTableLayout(Names, 80);
        var error = Assert.Throws<ArgumentException>(() => layout.Row(["0", "1"]));
        Assert.Contains("5 columns", error.Message, StringComparison.Ordinal);
    }
}
