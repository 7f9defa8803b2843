using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Gpu.Tests;

public sealed class LearnerDeviceTests
{
    private static double Mean(IEnumerable<double> values) => values.Average();

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void FitOneCycle_OnTheDevice_RecordsTheCoreSchedules_AndTheLossFalls(string name)
    {
        var device = Devices.Use(name);
        using var learn = Models.MlpLearner(device);
        Assert.Equal(device.type, learn.Device.type);
        var recorder = learn.FitOneCycle(2, Hyper.Slice(1e-3, 1e-2));
        var peaks = Hyper.Slice(1e-3, 1e-2).ForGroups(3);
        for (var g = 0; g < 3; g++)
        {
            Close.Equal(Sched.OneCycle(peaks[g]).Sample(20), recorder.Hypers.Get(HyperParameter.LearningRate, g));
            Close.Equal(Sched.OneCycleMomentum().Sample(20), recorder.Hypers.Get(HyperParameter.Momentum, g));
        }
        AssertLossFell(recorder.RawLosses);
        Assert.All(learn.Model.parameters(), p => Devices.AssertOn(device, p, "a parameter"));
        Assert.All(learn.Model.buffers(), b => Devices.AssertOn(device, b, "a buffer"));
        Assert.All(DeviceState.StateTensors(learn.Optimizer!), s => Devices.AssertOn(device, s.Tensor, s.Name));
        Assert.All(recorder.Epochs, e => Assert.True(e.ValidLoss is { } v && double.IsFinite(v)));
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void FitOneCycle_WithShuffledDataOnTheDevice_Trains(string name)
    {
        var device = Devices.Use(name);
        using var learn = Models.MlpLearnerWithDeviceData(device);
        var recorder = learn.FitOneCycle(2);
        Close.Equal(Sched.OneCycle(1e-2).Sample(20), recorder.Lrs);
        AssertLossFell(recorder.RawLosses);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void FineTune_OnTheDevice_BothPhasesFollowFastai_FrozenGroupsDoNotMove_AndTheLossFalls(string name)
    {
        var device = Devices.Use(name);
        using var learn = Models.MlpLearner(device);
        var model = (Sequential)learn.Model;
        using var fc1Before = Param(model, "fc1.weight").clone();
        // baseLr 2e-2, ten times fastai's default, so that 30 batches of this small regression visibly lower the loss.
        var phases = learn.FineTune(2, baseLr: 2e-2, freezeEpochs: 1, callbacks: [new AfterFirstFit(() =>
            Assert.True(Bits.Same(Param(model, "fc1.weight"), fc1Before), "a frozen group moved"))]);
        // Phase 1: fit_one_cycle(1, slice(2e-2), pct_start=0.99); phase 2: fit_one_cycle(2, slice(1e-4, 1e-2), pct_start=0.3, div=5).
        double[] first = [2e-3, 2e-3, 2e-2];
        var second = Discriminative.EvenMults(1e-2 / 100, 1e-2, 3);
        for (var g = 0; g < 3; g++)
        {
            Close.Equal(Sched.OneCycle(first[g], pctStart: 0.99).Sample(10), phases.Frozen!.Hypers.Get(HyperParameter.LearningRate, g));
            Close.Equal(Sched.OneCycleMomentum(pctStart: 0.99).Sample(10), phases.Frozen!.Hypers.Get(HyperParameter.Momentum, g));
            Close.Equal(Sched.OneCycle(second[g], div: 5, pctStart: 0.3).Sample(20), phases.Unfrozen.Hypers.Get(HyperParameter.LearningRate, g));
            Close.Equal(Sched.OneCycleMomentum(pctStart: 0.3).Sample(20), phases.Unfrozen.Hypers.Get(HyperParameter.Momentum, g));
        }
        AssertLossFell(phases.Frozen!.RawLosses.Concat(phases.Unfrozen.RawLosses).ToArray());
        Assert.All(learn.Model.parameters(), p => Devices.AssertOn(device, p, "a parameter"));
    }

    private static void AssertLossFell(IReadOnlyList<double> losses)
    {
        var start = Mean(losses.Take(3));
        var end = Mean(losses.Skip(losses.Count - 3));
        Assert.True(end < start, $"the mean loss of the last 3 batches ({end}) is not below the first 3 ({start})");
    }

    private static Tensor Param(Sequential model, string name) => model.named_parameters().First(p => p.name == name).parameter.detach();

    private sealed class AfterFirstFit(Action check) : Callback
    {
        private int _fits;

        public override void AfterFit(FitContext context)
        {
            if (_fits++ == 0)
            {
                check();
            }
        }
    }
}
