using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>Gradient clipping, and the guard that skips an update whose gradients are not finite.</summary>
public sealed class UpdateGuardTests
{
    /// <summary>
    /// A loss that is finite but whose gradient is NaN on the batches <paramref name="poisoned"/> names: <c>sqrt(0·a)</c>
    /// is 0, and its derivative 0·∞.
    /// </summary>
    internal static Learner Poisoned(Func<int, bool> poisoned, out RegModel model)
    {
        var calls = 0;
        RegModel? captured = null;
        var learn = ClockRig.Learner(rows: 64, batchSize: 16, (p, t) =>
        {
            var mse = nn.functional.mse_loss(p, t);
            return poisoned(calls++) ? mse + (captured!.A * 0).sqrt().sum() : mse;
        });
        model = captured = (RegModel)learn.Model;
        return learn;
    }

    [Fact]
    public void A_non_finite_gradient_skips_the_update_leaves_the_weights_and_counts_the_skip()
    {
        using var learn = Poisoned(call => call == 2, out var model);
        learn.SkipNonFiniteUpdates = true;
        learn.Clock = ClockUnit.Updates;
        var weights = new List<float[]>();
        var recorder = learn.Fit(1, ClockRig.Lin, callbacks: [new AfterEach(_ => weights.Add([model.A.item<float>(), model.B.item<float>()]))]);
        Assert.Equal(1, recorder.SkippedUpdates);
        Assert.Equal(3, recorder.Updates);
        Assert.Equal(weights[1], weights[2]);
        Assert.NotEqual(weights[2], weights[3]);
        Assert.All(weights, w => Assert.All(w, v => Assert.True(float.IsFinite(v))));
        // The updates clock did not move over the skipped update: batches 2 and 3 train at the same position.
        Assert.Equal([0.0, 0.25, 0.5, 0.5], recorder.Positions);
    }

    [Fact]
    public void Without_the_guard_a_non_finite_gradient_reaches_the_weights_and_the_next_loss_diverges()
    {
        using var learn = Poisoned(call => call == 2, out var model);
        var error = Assert.Throws<TrainingDivergedException>(() => learn.Fit(1, ClockRig.Lin));
        Assert.Contains("batch 3", error.Message, StringComparison.Ordinal);
        Assert.False(float.IsFinite(model.A.item<float>()));
    }

    [Fact]
    public void A_non_finite_loss_still_raises_divergence_with_the_guard_on()
    {
        using var learn = ClockRig.Learner(rows: 64, batchSize: 16, (p, t) => nn.functional.mse_loss(p, t) / 0);
        learn.SkipNonFiniteUpdates = true;
        Assert.Throws<TrainingDivergedException>(() => learn.Fit(1, ClockRig.Lin));
    }

    [Fact]
    public void Clipping_bounds_each_sgd_step_by_lr_times_the_max_norm()
    {
        using var learn = ClockRig.Learner(rows: 64, batchSize: 16);
        learn.OptimizerFactory = Optimizers.Sgd();
        learn.WeightDecay = 0;
        learn.GradientClipNorm = 1e-3;
        var model = (RegModel)learn.Model;
        var weights = new List<double[]> { new double[] { model.A.item<float>(), model.B.item<float>() } };
        learn.Fit(1, 1.0, callbacks: [new AfterEach(_ => weights.Add([model.A.item<float>(), model.B.item<float>()]))]);
        foreach (var (before, after) in weights.Zip(weights.Skip(1)))
        {
            var step = Math.Sqrt(Math.Pow(after[0] - before[0], 2) + Math.Pow(after[1] - before[1], 2));
            // lr 1 times a gradient clipped to norm 1e-3; float32 weights near 1 round to ~1e-7.
            Assert.InRange(step, 1e-4, 1e-3 + 1e-6);
        }
    }

    private sealed class AfterEach(Action<FitContext> action) : Callback
    {
        public override void AfterBatch(FitContext context) => action(context);
    }
}
