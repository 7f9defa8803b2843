using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Gpu.Tests;

public sealed class ScheduleRunnerDeviceTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void Runner_OnADeviceModel_WritesEveryGroupsOneCycle_AndTheModelTrainsThere(string name)
    {
        var device = Devices.Use(name);
        var (model, optimizer) = Models.MlpWithSixGroups(device);
        using var _ = model;
        using var __ = optimizer;
        var (x, y) = Models.Regression(device, 64, 8);
        const int Total = 30;
        var peaks = Hyper.Slice(1e-3, 3e-2).ForGroups(6);
        var runner = new ScheduleRunner(optimizer, Total, ScheduleRunner.OneCycle(Hyper.Slice(1e-3, 3e-2)));
        var groups = optimizer.ParamGroups.Cast<AdamW.ParamGroup>().ToArray();
        var first = nn.functional.mse_loss(model.call(x), y).item<float>();
        for (var i = 0; i < Total; i++)
        {
            using var scope = NewDisposeScope();
            runner.Apply(i);
            // Before batch i the groups hold what it trains with, at i/Total: written in place, each group its own.
            for (var g = 0; g < 6; g++)
            {
                Assert.Equal(Sched.OneCycle(peaks[g]).At((double)i / Total), groups[g].LearningRate, 12);
                Assert.Equal(Sched.OneCycleMomentum().At((double)i / Total), groups[g].Betas.Item1, 12);
            }
            optimizer.zero_grad();
            nn.functional.mse_loss(model.call(x), y).backward();
            optimizer.step();
        }
        for (var g = 0; g < 6; g++)
        {
            Close.Equal(Sched.OneCycle(peaks[g]).Sample(Total), runner.History!.Get(HyperParameter.LearningRate, g));
            Close.Equal(Sched.OneCycleMomentum().Sample(Total), runner.History!.Get(HyperParameter.Momentum, g));
        }
        Assert.All(model.parameters(), p => Devices.AssertOn(device, p, "a parameter"));
        Assert.All(DeviceState.StateTensors(optimizer), s => Devices.AssertOn(device, s.Tensor, s.Name));
        var last = nn.functional.mse_loss(model.call(x), y).item<float>();
        Assert.True(last < 0.9 * first, $"the loss fell from {first} to {last} only");
    }
}
