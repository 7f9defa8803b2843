using System.Diagnostics;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Gpu.Tests;

/// <summary>
/// The adapter adds no host–device synchronisation: <see cref="ScheduleRunner.Apply"/> and a
/// <see cref="TrainingSnapshot"/> capture + restore never read a tensor's value on the host.
/// </summary>
public sealed class NoSyncTests
{
    /// <summary>
    /// On the meta device tensors have shapes but no data: any host read (<c>item()</c>, <c>cpu()</c>, <c>bytes</c>)
    /// throws. The runner and the snapshot run there unchanged, so they read no value — on any device.
    /// </summary>
    [Fact]
    public void RunnerAndSnapshot_RunOnTheMetaDevice_SoTheyReadNoTensorValue()
    {
        var (model, optimizer) = Models.MlpWithSixGroups(META);
        using var _ = model;
        using var __ = optimizer;
        Assert.All(model.parameters(), p => Assert.Equal(DeviceType.META, p.device_type));
        Assert.ThrowsAny<Exception>(() => model.parameters().First().sum().item<float>()); // the premise: meta values cannot be read
        var runner = new ScheduleRunner(optimizer, 10, ScheduleRunner.OneCycle(Hyper.Slice(1e-3, 1e-2)));
        for (var i = 0; i < 10; i++)
        {
            runner.Apply(i);
        }
        Close.Equal(Sched.OneCycle(1e-2).Sample(10), runner.History!.Get(HyperParameter.LearningRate, 5));
        using var snapshot = TrainingSnapshot.Capture(model, optimizer);
        snapshot.Restore();
    }

    /// <summary>
    /// On CUDA: queue a few hundred milliseconds of matrix products, then run 100 runner steps and a snapshot capture +
    /// restore of an AdamW with state. If any of it synchronised, the GPU would be idle when it returns; it must still be busy.
    /// </summary>
    [Theory]
    [InlineData("cuda")]
    public void RunnerStepsAndASnapshot_ReturnWhileTheGpuIsStillBusy(string name)
    {
        var device = Devices.Use(name);
        var (model, optimizer) = Models.MlpWithSixGroups(device);
        using var _ = model;
        using var __ = optimizer;
        var (x, y) = Models.Regression(device, 64, 8);
        for (var i = 0; i < 3; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.mse_loss(model.call(x), y).backward();
            optimizer.step();
        }
        var runner = new ScheduleRunner(optimizer, 1000, ScheduleRunner.OneCycle(1e-2));
        using var a = randn(8192, 8192, device: device);
        var perProduct = Time(() => Products(a, 3)) / 3;
        var count = (int)Math.Clamp(Math.Ceiling(400 / Math.Max(perProduct, 0.01)), 3, 2000);

        var clock = Stopwatch.StartNew();
        Products(a, count, synchronize: false);
        var queued = clock.Elapsed.TotalMilliseconds;
        for (var i = 0; i < 100; i++)
        {
            runner.Apply(i);
        }
        using (var snapshot = TrainingSnapshot.Capture(model, optimizer))
        {
            snapshot.Restore();
        }
        var host = clock.Elapsed.TotalMilliseconds - queued;
        var wait = Time(() => cuda.synchronize());
        Assert.True(wait > 50, $"the GPU was idle {wait:F1} ms after the runner and snapshot returned ({count} products of {perProduct:F2} ms queued in {queued:F1} ms, host work {host:F2} ms): something synchronised");
    }

    private static void Products(Tensor a, int count, bool synchronize = true)
    {
        for (var i = 0; i < count; i++)
        {
            using var product = a.mm(a);
        }
        if (synchronize)
        {
            cuda.synchronize();
        }
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
