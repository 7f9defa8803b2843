using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Gpu.Tests;

/// <summary>LrFind's in-memory snapshot on the device: restored bit for bit, in place, whatever ends the finder.</summary>
public sealed class LrFindDeviceTests
{
    /// <summary>A learner with non-trivial AdamW state (moments, step counts), BatchNorm running stats and gradients, all on the device.</summary>
    private static Learner Trained(Device device)
    {
        var learn = Models.MlpLearner(device, nTrain: 4);
        learn.FitOneCycle(1);
        return learn;
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void LrFind_FollowsSchedExp_AndRestores(string name)
    {
        var device = Devices.Use(name);
        using var learn = Trained(device);
        using var before = new DeviceState(learn.Model, learn.Optimizer, device);
        var result = learn.LrFind(numIt: 30, stopDiv: false);
        Assert.Equal(30, result.Lrs.Count);
        Close.Equal(Enumerable.Range(0, 30).Select(i => Sched.Exp(1e-7, 10).At(i / 30.0)).ToArray(), result.Lrs);
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void Restore_WhenTrainingThrowsMidway_IsBitForBit(string name)
    {
        var device = Devices.Use(name);
        using var learn = Trained(device);
        using var before = new DeviceState(learn.Model, learn.Optimizer, device);
        learn.Callbacks.Add(new ThrowAt(5));
        Assert.Throws<InvalidOperationException>(() => learn.LrFind(numIt: 20));
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void Restore_AfterANaNLoss_IsBitForBit_AndTheFinderStopsThere(string name)
    {
        var device = Devices.Use(name);
        var calls = 0;
        var (train, valid) = Synth.Data(nTrain: 4, features: 4);
        manual_seed(3);
        var model = Synth.Mlp();
        model.to(device);
        using var learn = new Learner(model, train, valid, (p, t) =>
        {
            var loss = nn.functional.mse_loss(p, t);
            return ++calls > 6 ? loss * double.NaN : loss;
        });
        learn.Fit(1); // 4 training + 2 validation calls: the finder's first batch is call 7
        using var before = new DeviceState(learn.Model, learn.Optimizer, device);
        var result = learn.LrFind(numIt: 20);
        Assert.True(result.StoppedEarly);
        Assert.Single(result.Losses);
        Assert.True(double.IsNaN(result.Losses[0]));
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void Restore_OnCancellation_IsBitForBit(string name)
    {
        var device = Devices.Use(name);
        using var learn = Trained(device);
        using var before = new DeviceState(learn.Model, learn.Optimizer, device);
        using var cts = new CancellationTokenSource();
        learn.Callbacks.Add(new CancelAt(cts, 7));
        Assert.ThrowsAny<OperationCanceledException>(() => learn.LrFind(numIt: 20, cancellation: cts.Token));
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void Restore_WithSgdMomentumBuffersCreatedDuringTheFinder_RemovesThem(string name)
    {
        var device = Devices.Use(name);
        using var learn = Models.MlpLearner(device, nTrain: 4);
        learn.OptimizerFactory = Optimizers.Sgd(momentum: 0.9);
        using var before = new DeviceState(learn.Model, learn.CreateOptimizer(), device);
        learn.LrFind(numIt: 10, stopDiv: false);
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    private sealed class ThrowAt(int iteration) : Callback
    {
        public override void AfterBatch(FitContext context)
        {
            if (context.Iteration == iteration)
            {
                throw new InvalidOperationException("boom");
            }
        }
    }

    private sealed class CancelAt(CancellationTokenSource source, int iteration) : Callback
    {
        public override void AfterBatch(FitContext context)
        {
            if (context.Iteration == iteration)
            {
                source.Cancel();
            }
        }
    }
}
