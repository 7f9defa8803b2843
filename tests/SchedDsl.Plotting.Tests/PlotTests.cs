using SchedDsl.Torch.Tests;
using Xunit;

namespace SchedDsl.Plotting.Tests;

public sealed class PlotTests
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), path);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path} has {bytes.Length} bytes");
        Assert.Equal(PngMagic, bytes.Take(8).ToArray());
    }

    [Fact]
    public void PlotSchedule_And_PlotLrFind_WritePngs_WithTheSkiaSharpThatResolvesBesideTorchSharp()
    {
        var dir = Path.Combine(Path.GetTempPath(), "scheddsl-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var learn = Synth.MlpLearner(nTrain: 4);
            var found = learn.LrFind(numIt: 30, stopDiv: false);
            var recorder = learn.FitOneCycle(2, Hyper.Slice(1e-3, 1e-2));
            recorder.Hypers.ToRecordedSchedule().PlotSchedule(Path.Combine(dir, "sched.png"));
            found.Curve.PlotLrFind(Path.Combine(dir, "lr_find.png"));
            AssertPng(Path.Combine(dir, "sched.png"));
            AssertPng(Path.Combine(dir, "lr_find.png"));
            Assert.StartsWith("3.", typeof(SkiaSharp.SKSurface).Assembly.GetName().Version!.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
