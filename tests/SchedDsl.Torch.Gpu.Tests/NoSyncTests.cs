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
}
