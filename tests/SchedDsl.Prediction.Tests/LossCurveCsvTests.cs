using Xunit;

namespace SchedDsl.Prediction.Tests;

public sealed class LossCurveCsvTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scheddsl-curve-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void A_curve_round_trips_exactly()
    {
        var path = Path.Combine(_dir, "nested", "curve.csv");
        var curve = LossCurve.PerStep([1e-3, 0.1 + 0.2, 3e-4], [2.302585092994046, 1.5, 0.123456789012345]);

        LossCurveCsv.Write(path, curve);
        var read = LossCurveCsv.Read(path);

        Assert.Equal(curve.LearningRates, read.LearningRates);
        Assert.Equal(curve.Losses, read.Losses);
        Assert.Equal(curve.Steps, read.Steps);
        Assert.StartsWith("step,lr,loss\n1,0.001,2.302585092994046\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("epoch,train_loss\n0,1.0\n", "line 1 must be the header 'step,lr,loss'")]
    [InlineData("step,lr,loss\n1,0.001\n", "line 2 must be step,lr,loss with numbers, got '1,0.001'")]
    [InlineData("step,lr,loss\n1,0.001,x\n", "line 2 must be step,lr,loss with numbers")]
    [InlineData("step,lr,loss\n1,0.001,2\n3,0.001,2\n", "line 3 has step 3, expected 2")]
    [InlineData("step,lr,loss\n", "no rows after the header")]
    [InlineData("step,lr,loss\n1,-0.001,2\n", "learning rate 0 (step 1) must be finite and >= 0")]
    public void A_file_not_in_the_format_names_the_line(string text, string message)
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, text);

        var error = Assert.Throws<InvalidDataException>(() => LossCurveCsv.Read(path));

        Assert.Equal($"{path}: ", error.Message[..(path.Length + 2)]);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
