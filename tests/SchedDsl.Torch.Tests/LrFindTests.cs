using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

public sealed class LrFindTests
{
    [Fact]
    public void LrFind_FollowsSchedExp_StopsOnDivergence_AndRestoresModelAndEmptyOptimizerState()
    {
        using var learn = Synth.RegLearner();
        var model = (RegModel)learn.Model;
        var a = model.A.detach().clone();
        var b = model.B.detach().clone();
        var fresh = TorchState.OptimizerBytes(learn.CreateOptimizer());
        var result = learn.LrFind();
        Assert.True(result.Lrs.Count <= 100);
        Assert.Equal(result.Lrs.Count, result.Losses.Count);
        if (result.Lrs.Count < 100)
        {
            Assert.True(result.StoppedEarly);
            Assert.True(result.Losses[^1] > 4 * result.Losses.Min());
        }
        // Seed: test_eq(learn.recorder.lrs, [SchedExp(1e-7, 10)(i/100) for i in range_of(learn.recorder.lrs)]).
        var exp = Sched.Exp(1e-7, 10);
        Close.Equal(Enumerable.Range(0, result.Lrs.Count).Select(i => exp.At(i / 100.0)).ToArray(), result.Lrs);
        Assert.DoesNotContain(learn.Recorder!.Epochs, e => e.ValidLoss is not null);
        Assert.True(Bits.Same(model.A.detach(), a));
        Assert.True(Bits.Same(model.B.detach(), b));
        Assert.Equal(fresh, TorchState.OptimizerBytes(learn.Optimizer));
    }

    [Fact]
    public void LrFind_WithoutStopDiv_RunsNumIt_AndSuggests()
    {
        using var learn = Synth.MlpLearner(nTrain: 8);
        var result = learn.LrFind(numIt: 30, stopDiv: false);
        Assert.Equal(30, result.Lrs.Count);
        Assert.False(result.StoppedEarly);
        Assert.NotNull(result.Suggestions);
        Assert.InRange(result.Suggestions!.LrMin, 1e-8, 1);
    }

    private static Learner Trained()
    {
        var learn = Synth.MlpLearner(nTrain: 4);
        learn.FitOneCycle(1); // a non-trivial optimizer state (AdamW moments, step counts) and BatchNorm running stats
        return learn;
    }

    [Fact]
    public void Restore_WhenTrainingThrowsMidway_IsBitForBit()
    {
        using var learn = Trained();
        var before = new TorchState(learn.Model, learn.Optimizer);
        learn.Callbacks.Add(new ThrowAt(5));
        Assert.Throws<InvalidOperationException>(() => learn.LrFind(numIt: 20));
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Fact]
    public void Restore_AfterANaNLoss_IsBitForBit_AndTheFinderStopsThere()
    {
        var calls = 0;
        var (train, valid) = Synth.Data(nTrain: 4, features: 4);
        manual_seed(3);
        using var learn = new Learner(Synth.Mlp(), train, valid, (p, t) =>
        {
            var loss = nn.functional.mse_loss(p, t);
            return ++calls > 6 ? loss * double.NaN : loss;
        });
        learn.Fit(1); // 4 training + 2 validation calls: the finder's first batch is call 7
        var before = new TorchState(learn.Model, learn.Optimizer);
        var result = learn.LrFind(numIt: 20);
        Assert.True(result.StoppedEarly);
        Assert.Single(result.Losses);
        Assert.True(double.IsNaN(result.Losses[0]));
        Assert.Null(result.Suggestions);
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Fact]
    public void Restore_OnCancellation_IsBitForBit()
    {
        using var learn = Trained();
        var before = new TorchState(learn.Model, learn.Optimizer);
        using var cts = new CancellationTokenSource();
        learn.Callbacks.Add(new CancelAt(cts, 7));
        Assert.ThrowsAny<OperationCanceledException>(() => learn.LrFind(numIt: 20, cancellation: cts.Token));
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Fact]
    public void Restore_WithSgdMomentumBuffersCreatedDuringTheFinder_RemovesThem()
    {
        using var learn = Synth.MlpLearner(nTrain: 4);
        learn.OptimizerFactory = Optimizers.Sgd(momentum: 0.9);
        var before = new TorchState(learn.Model, learn.CreateOptimizer());
        learn.LrFind(numIt: 10, stopDiv: false);
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Fact]
    public void Suggestions_FollowFastai_OnAKnownCurve()
    {
        // loss falls fastest at i = 40, has its minimum at i = 70, then rises: lr_min = lrs[70]/10, lr_steep = lrs[40].
        var lrs = Enumerable.Range(0, 100).Select(i => Sched.Exp(1e-7, 10).At(i / 100.0)).ToArray();
        var losses = Enumerable.Range(0, 100).Select(i => i <= 70 ? 2 - Math.Tanh((i - 40) / 8.0) - (0.001 * i) : 1 + (0.05 * (i - 70))).ToArray();
        var s = LrFindSuggestions.Compute(lrs, losses, 100)!;
        var min = Array.IndexOf(losses, losses.Skip(10).Take(85).Min());
        Assert.Equal(lrs[min] / 10, s.LrMin);
        Assert.InRange(Array.IndexOf(lrs, s.LrSteep), 38, 41);
        Assert.InRange(Array.IndexOf(lrs, s.Valley), 10, 70);
        Assert.Null(LrFindSuggestions.Compute(lrs.Take(12).ToArray(), losses.Take(12).ToArray(), 100));
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
}
