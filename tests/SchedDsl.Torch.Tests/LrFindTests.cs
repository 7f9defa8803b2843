using SchedDsl.Core.Tests.LrFinding;
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
        // fastai's lr_min: the rate at the lowest loss of the trimmed curve (num_it // 10 = 3 points dropped at the
        // start, 5 at the end), divided by 10.
        var trimmed = result.Losses.Take(25).Skip(3).ToArray();
        var lowest = 3 + Array.IndexOf(trimmed, trimmed.Min());
        Assert.Equal(result.Lrs[lowest] / 10, result.Suggestions!.LrMin);
    }

    /// <summary>
    /// fastai's stop rule, <c>smooth_loss &gt; 4 * best_loss</c>, on a scripted loss curve. With <see cref="Learner.SmoothBeta"/>
    /// 0 the smoothed loss is the batch loss, so the curve below is exactly what the rule sees: best 0.5 at batch 2;
    /// batches 4 and 5 sit exactly at 4x (2.0, not above: the finder goes on); batch 6 (2.5) is the first above, so the
    /// finder records 7 batches and stops there, long before numIt.
    /// </summary>
    [Fact]
    public void LrFind_StopsAtTheFirstBatchWhoseSmoothedLossExceedsFourTimesTheBest()
    {
        float[] script = [1.0f, 0.75f, 0.5f, 1.5f, 2.0f, 2.0f, 2.5f, 0.1f, 0.1f, 0.1f];
        var calls = 0;
        var (train, valid) = Synth.Data(nTrain: 4, features: 4);
        using var learn = new Learner(Synth.Mlp(), train, valid, (p, _) => (p.sum() * 0) + script[Math.Min(calls++, script.Length - 1)]) { SmoothBeta = 0 };
        var result = learn.LrFind(numIt: 100);
        Assert.True(result.StoppedEarly);
        Assert.Equal(7, calls);
        Assert.Equal(script.Take(7).Select(v => (double)v), result.Losses);
        Assert.Equal(7, result.Lrs.Count);

        // The same curve without stopDiv runs all numIt batches: the stop above was the 4x rule, not the end of the run.
        calls = 0;
        Assert.Equal(20, learn.LrFind(numIt: 20, stopDiv: false).Losses.Count);
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
        // fastai's valley on the trimmed curve (points 10 to 94), by fastai's own quadratic loop: its longest falling
        // run is points 10..70 (61 long), and fastai's quirk starts it one early (max_start = max_end - lds = -1), so
        // the index is -1 + 20 + 10 = 29 in the trimmed curve: point 39.
        var trimmed = losses[10..95];
        Assert.Equal(29, ValleyOracle.Index(trimmed));
        Assert.Equal(lrs[10 + ValleyOracle.Index(trimmed)], s.Valley);
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
