using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

public sealed class LearnerFitTests
{
    private static double BatchLoss(Learner learn)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = learn.Valid!.GetBatches(0).First();
        return learn.LossFunction(learn.Model.call(batch.Input), batch.Target).item<float>();
    }

    [Fact]
    public void FitOneCycle_LowersTheLoss_AndRecordsFastaiLrsAndMoms()
    {
        using var learn = Synth.RegLearner(lr: 1e-2);
        var initial = BatchLoss(learn);
        var recorder = learn.FitOneCycle(2);
        Assert.True(BatchLoss(learn) < initial);
        // Seed: test_close(lrs, [combined_cos(0.25,1e-2/25,1e-2,1e-7)(i/20) for i in range(20)]), same for moms.
        var lrs = Sched.CombinedCos(0.25, 1e-2 / 25, 1e-2, 1e-7);
        var moms = Sched.CombinedCos(0.25, 0.95, 0.85, 0.95);
        Close.Equal(Enumerable.Range(0, 20).Select(i => lrs.At(i / 20.0)).ToArray(), recorder.Hypers.Get(HyperParameter.LearningRate));
        Close.Equal(Enumerable.Range(0, 20).Select(i => moms.At(i / 20.0)).ToArray(), recorder.Hypers.Get(HyperParameter.Momentum));
        Assert.Equal(2, recorder.Epochs.Count);
        Assert.Equal(20, recorder.Losses.Count);
    }

    [Fact]
    public void FitOneCycle_Slice_EveryGroupOfEveryOptimizerGroupFollowsItsCycle()
    {
        using var learn = Synth.MlpLearner();
        var recorder = learn.FitOneCycle(1, Hyper.Slice(1e-4, 1e-2));
        Assert.Equal(3, recorder.Hypers.GroupCount);
        var peaks = Discriminative.EvenMults(1e-4, 1e-2, 3);
        for (var g = 0; g < 3; g++)
        {
            Close.Equal(Sched.OneCycle(peaks[g]).Sample(10), recorder.Hypers.Get(HyperParameter.LearningRate, g));
            Close.Equal(Sched.OneCycleMomentum().Sample(10), recorder.Hypers.Get(HyperParameter.Momentum, g));
        }
        // 3 layer groups, each with weights and biases/norm: 6 optimizer groups; the last applied values reach each of them.
        var groups = learn.Optimizer!.ParamGroups.Cast<AdamW.ParamGroup>().ToArray();
        Assert.Equal(6, groups.Length);
    }

    [Fact]
    public void DefaultOptimizer_IsFastaiAdamW_WithNoWeightDecayOnBiasAndNorm()
    {
        using var learn = Synth.MlpLearner();
        learn.Fit(1);
        var groups = learn.Optimizer!.ParamGroups.Cast<AdamW.ParamGroup>().ToArray();
        Assert.Equal([0.01, 0, 0.01, 0, 0.01, 0], groups.Select(g => g.Options.weight_decay!.Value).ToArray());
        Assert.All(groups, g => Assert.Equal((0.9, 0.99), g.Betas));
        Assert.All(groups, g => Assert.Equal(1e-5, g.Options.eps));
        // bias and BatchNorm parameters are in the no-decay groups: fc1.bias, bn1.weight, bn1.bias in group 1.
        Assert.Equal(3, groups[1].Parameters.Count());
    }

    [Fact]
    public void FitFlatCos_RecordsFlatThenCos()
    {
        using var learn = Synth.RegLearner();
        var recorder = learn.FitFlatCos(2, lr: 1e-2);
        Close.Equal(Sched.FlatCos(1e-2).Sample(20), recorder.Hypers.Get(HyperParameter.LearningRate));
        Close.Equal(Sched.CombinedCos(0.75, 1e-2, 1e-2, 1e-2 / 1e5).Sample(20), recorder.Lrs);
    }

    [Fact]
    public void FitSgdr_3_1_Trains7Epochs_AndEachCycleIsACosFromLrToZero()
    {
        using var learn = Synth.RegLearner(lr: 1e-2);
        var recorder = learn.FitSgdr(3, 1);
        Assert.Equal(7, recorder.Epochs.Count);
        var lrs = recorder.Lrs;
        var n = 10;
        int[] iters = [0, n, 3 * n, 7 * n];
        for (var c = 0; c < 3; c++)
        {
            var len = iters[c + 1] - iters[c];
            // fastai's check starts at +1: the cycle start can mix with the previous cycle's 0 by rounding.
            var expected = Enumerable.Range(1, len - 1).Select(k => Sched.Cos(1e-2, 0).At((double)k / len)).ToArray();
            Close.Equal(expected, lrs.Skip(iters[c] + 1).Take(len - 1).ToArray(), 1e-9);
        }
    }

    [Fact]
    public void FineTune_BothPhases_EveryGroup_FollowFastai_AndFrozenGroupsDoNotMove()
    {
        using var learn = Synth.MlpLearner();
        var model = (Sequential)learn.Model;
        var fc1Before = model.named_parameters().First(p => p.name == "fc1.weight").parameter.detach().clone();
        var bnBefore = model.named_parameters().First(p => p.name == "bn1.weight").parameter.detach().clone();
        var headBefore = model.named_parameters().First(p => p.name == "head.weight").parameter.detach().clone();
        var phases = learn.FineTune(2, freezeEpochs: 1, callbacks: [new AfterFirstFitCheck(() =>
        {
            Assert.True(Bits.Same(Param(model, "fc1.weight"), fc1Before));
            Assert.False(Bits.Same(Param(model, "bn1.weight"), bnBefore), "BatchNorm stays trainable when frozen (train_bn)");
            Assert.False(Bits.Same(Param(model, "head.weight"), headBefore));
        })]);
        var frozen = phases.Frozen!;
        var unfrozen = phases.Unfrozen;
        // Phase 1: fit_one_cycle(1, slice(2e-3), pct_start=0.99): lr_max = [2e-4, 2e-4, 2e-3], div 25.
        double[] first = [2e-4, 2e-4, 2e-3];
        // Phase 2: base_lr = 1e-3; fit_one_cycle(2, slice(1e-5, 1e-3), pct_start=0.3, div=5).
        var second = Discriminative.EvenMults(1e-3 / 100, 1e-3, 3);
        for (var g = 0; g < 3; g++)
        {
            Close.Equal(Sched.OneCycle(first[g], pctStart: 0.99).Sample(10), frozen.Hypers.Get(HyperParameter.LearningRate, g));
            Close.Equal(Sched.OneCycleMomentum(pctStart: 0.99).Sample(10), frozen.Hypers.Get(HyperParameter.Momentum, g));
            Close.Equal(Sched.OneCycle(second[g], div: 5, pctStart: 0.3).Sample(20), unfrozen.Hypers.Get(HyperParameter.LearningRate, g));
            Close.Equal(Sched.OneCycleMomentum(pctStart: 0.3).Sample(20), unfrozen.Hypers.Get(HyperParameter.Momentum, g));
        }
        Assert.All(learn.Model.parameters(), p => Assert.True(p.requires_grad));
    }

    private static Tensor Param(Sequential model, string name) => model.named_parameters().First(p => p.name == name).parameter.detach();

    private sealed class AfterFirstFitCheck(Action check) : Callback
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

    [Fact]
    public void Errors_ZeroEpochs_EmptyData_AllFrozen_AreClear()
    {
        using var learn = Synth.RegLearner();
        Assert.Contains("epochs must be >= 1, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => learn.Fit(0)).Message, StringComparison.Ordinal);
        using var empty = new Learner(new RegModel(), new TensorBatches(zeros(0, 1), zeros(0, 1), 4), null, (p, t) => nn.functional.mse_loss(p, t));
        Assert.Contains("0 batches", Assert.Throws<ArgumentException>(() => empty.Fit(1)).Message, StringComparison.Ordinal);
        foreach (var p in learn.Model.parameters())
        {
            p.requires_grad = false;
        }
        Assert.Contains("frozen", Assert.Throws<InvalidOperationException>(() => learn.Fit(1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNLoss_StopsWithEpochAndBatch_BeforeTheStep_AndTheRecorderIsConsistent()
    {
        var calls = 0;
        var (train, valid) = Synth.Data();
        using var learn = new Learner(new RegModel(), train, valid, (p, t) =>
        {
            var loss = nn.functional.mse_loss(p, t);
            return ++calls == 13 ? loss * double.NaN : loss;
        });
        var e = Assert.Throws<TrainingDivergedException>(() => learn.FitOneCycle(3));
        Assert.Equal(1, e.Epoch);
        Assert.Equal(0, e.Batch);
        Assert.Contains("epoch 1, batch 0", e.Message, StringComparison.Ordinal);
        var recorder = learn.Recorder!;
        // 10 training batches and 2 validation batches in epoch 0, so call 13 is the first training batch of epoch 1.
        Assert.Equal(10, recorder.Losses.Count);
        Assert.Equal(10, recorder.Hypers.Count);
        Assert.Single(recorder.Epochs);
        Assert.All(learn.Model.parameters(), p => Assert.False(p.isnan().any().item<bool>()));
    }

    [Fact]
    public void Cancellation_StopsBetweenBatches()
    {
        using var learn = Synth.RegLearner();
        using var cts = new CancellationTokenSource();
        var cancelAt = new CancelAt(cts, 5);
        Assert.ThrowsAny<OperationCanceledException>(() => learn.Fit(2, callbacks: [cancelAt], cancellation: cts.Token));
        Assert.Equal(5, learn.Recorder!.Losses.Count);
    }
}

internal sealed class CancelAt(CancellationTokenSource source, int iteration) : Callback
{
    public override void AfterBatch(FitContext context)
    {
        if (context.Iteration == iteration)
        {
            source.Cancel();
        }
    }
}
