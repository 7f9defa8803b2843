using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedsl-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name) => Path.Combine(_folder, name);

    /// <summary>A checkpoint written during a one-cycle fit of the rig's learner, at the end of its first epoch.</summary>
    private string FitCheckpoint()
    {
        using var learn = ResumeRig.Learner(fromStart: true);
        var checkpoints = new CheckpointCallback(_folder);
        learn.FitOneCycle(1, Hyper.Slice(1e-3, 3e-2), callbacks: [checkpoints]);
        return checkpoints.LastPath;
    }

    [Fact]
    public void Save_then_Load_restores_weights_optimizer_state_and_frozen_flags_bit_for_bit()
    {
        using var learn = ResumeRig.Learner(fromStart: true);
        learn.Freeze();
        learn.FitOneCycle(1, 1e-2);
        var saved = new TorchState(learn.Model, learn.Optimizer);
        learn.Save(File("model.ckpt"));

        using var other = ResumeRig.Learner(fromStart: false);
        var options = TorchState.OptimizerBytes(other.CreateOptimizer())[..OptionsLength(other)];
        other.Load(File("model.ckpt"));
        saved.AssertSame(other.Model, other.Optimizer, options: false);
        // The file supplies state, not settings: the options stay those the learner's factory made.
        Assert.Equal(options, TorchState.OptimizerBytes(other.Optimizer)[..OptionsLength(other)]);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void A_resumed_fit_trains_with_the_calls_weight_decay_and_the_learners_betas_and_eps()
    {
        // Saved by a fit with weight decay 0.01 and fastai's AdamW (beta2 0.99, eps 1e-5) ...
        using var saving = ResumeRig.Learner(fromStart: true);
        var checkpoints = new CheckpointCallback(_folder, everySteps: 1);
        Assert.Throws<KilledException>(() => saving.FitOneCycle(2, 1e-2, weightDecay: 0.01, callbacks: [checkpoints, new KillAfter(3)]));

        // ... and resumed by one that asks for 0.1, on a learner whose AdamW has beta2 0.9 and eps 1e-3.
        using var learn = ResumeRig.Learner(fromStart: true);
        learn.OptimizerFactory = Optimizers.AdamW(beta2: 0.9, eps: 1e-3);
        var seen = new AdamWOptionsLog();
        learn.FitOneCycle(2, 1e-2, weightDecay: 0.1, callbacks: [seen], resumeFrom: checkpoints.LastPath);

        // KillAfter stops the fit before its batch's checkpoint: the last one is at step 2.
        Assert.Equal((2 * ResumeRig.BatchCount) - 2, seen.Batches);
        // Every batch, every param group: the call's weight decay (0 where the learner exempts biases and norms).
        Assert.Equal([(0.9, 1e-3, 0.0), (0.9, 1e-3, 0.1)], seen.Options.Distinct().Order());
    }

    [Fact]
    public void A_fit_stopped_mid_epoch_resumes_with_each_epoch_recorded_once()
    {
        // RequestStop two batches into epoch 1: the loop still validates, so the stopped fit has a row for epoch 1,
        // and the epoch-end checkpoint holds it beside the step in the middle of that epoch.
        using var stopping = ResumeRig.Learner(fromStart: true);
        var checkpoints = new CheckpointCallback(_folder, everySteps: 1);
        stopping.FitOneCycle(3, 1e-2, callbacks: [checkpoints, new StopAfter(ResumeRig.BatchCount + 2)]);
        Assert.Equal([0, 1], stopping.Recorder!.Epochs.Select(e => e.Epoch));

        // Resumed, epoch 1 is trained to its end and recorded once (it was [0, 1, 1, 2], and the next checkpoint,
        // with four rows for three epochs, was refused as damaged).
        using var learn = ResumeRig.Learner(fromStart: true);
        var recorder = learn.FitOneCycle(3, 1e-2, callbacks: [new CheckpointCallback(_folder, everySteps: 1)], resumeFrom: checkpoints.LastPath);
        Assert.Equal([0, 1, 2], recorder.Epochs.Select(e => e.Epoch));
        using var again = ResumeRig.Learner(fromStart: true);
        Assert.Equal([0, 1, 2], again.FitOneCycle(3, 1e-2, resumeFrom: checkpoints.LastPath).Epochs.Select(e => e.Epoch));
    }

    private sealed class StopAfter(int batches) : Callback
    {
        public override void AfterBatch(FitContext context)
        {
            if (context.Iteration == batches)
            {
                context.RequestStop();
            }
        }
    }

    [Fact]
    public void A_write_removes_the_temporaries_that_killed_writes_of_the_same_file_left()
    {
        string[] stale = [$".last.ckpt.{Guid.NewGuid():N}.tmp", $".last.ckpt.{Guid.NewGuid():N}.tmp"];
        string[] kept = [$".best.ckpt.{Guid.NewGuid():N}.tmp", ".last.ckpt.notaguid.tmp", $"last.ckpt.{Guid.NewGuid():N}.tmp", $".last.ckpt.{Guid.NewGuid():N}.tmp.bak"];
        foreach (var name in stale.Concat(kept))
        {
            System.IO.File.WriteAllText(File(name), "left by a killed write");
        }
        using var learn = ResumeRig.Learner(fromStart: true);
        learn.Save(File("last.ckpt"));
        Assert.Equal(kept.Append("last.ckpt").Order(StringComparer.Ordinal), Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>The length of the optimizer bytes' head and options: everything before the per-parameter state.</summary>
    private static int OptionsLength(Learner learn) =>
        TorchState.OptimizerBytes(learn.Optimizer).Length - TorchState.StateBytes(learn.Optimizer).Length;

    [Fact]
    public void Another_model_shape_is_refused_naming_the_tensor_and_the_learner_is_unchanged()
    {
        var path = FitCheckpoint();
        using var learn = new Learner(nn.Sequential(("fc1", nn.Linear(4, 3)), ("head", nn.Linear(3, 1))), ResumeRig.Learner(false).Train, null,
            (p, t) => nn.functional.mse_loss(p, t));
        var before = new TorchState(learn.Model, null);
        var e = Assert.Throws<CheckpointException>(() => learn.Load(path));
        Assert.Contains("tensor 'fc1.weight' is [8, 4] there and [3, 4] in this model", e.Message, StringComparison.Ordinal);
        before.AssertSame(learn.Model, null);
    }

    [Fact]
    public void A_truncated_file_is_refused_and_the_learner_is_unchanged()
    {
        var path = FitCheckpoint();
        var bytes = System.IO.File.ReadAllBytes(path);
        System.IO.File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        using var learn = ResumeRig.Learner(fromStart: true);
        var before = new TorchState(learn.Model, learn.CreateOptimizer());
        var e = Assert.Throws<CheckpointException>(() => learn.FitOneCycle(1, Hyper.Slice(1e-3, 3e-2), resumeFrom: path));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Fact]
    public void A_damaged_byte_is_refused_by_its_checksum()
    {
        var path = FitCheckpoint();
        var bytes = System.IO.File.ReadAllBytes(path);
        bytes[^10] ^= 0x40;
        System.IO.File.WriteAllBytes(path, bytes);
        using var learn = ResumeRig.Learner(fromStart: true);
        Assert.Contains("SHA-256", Assert.Throws<CheckpointException>(() => learn.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_of_another_fit_is_refused_naming_the_schedule_that_differs()
    {
        var path = FitCheckpoint();
        using var learn = ResumeRig.Learner(fromStart: true);
        var before = new TorchState(learn.Model, learn.CreateOptimizer());
        var e = Assert.Throws<CheckpointException>(() => learn.FitOneCycle(1, Hyper.Slice(1e-3, 1e-2), resumeFrom: path));
        Assert.Contains("its lr schedule is one_cycle(slice(0.001, 0.03))", e.Message, StringComparison.Ordinal);
        Assert.Contains("this fit's is one_cycle(slice(0.001, 0.01))", e.Message, StringComparison.Ordinal);
        // Another number of epochs is no longer another fit: it re-plans (issue 18, ReplanResumeTests).
        before.AssertSame(learn.Model, learn.Optimizer);
    }

    [Fact]
    public void A_schedule_that_does_not_parse_is_refused()
    {
        var path = FitCheckpoint();
        // Rewrite the header's schedule text and re-seal the file, as a hand-edited checkpoint would be.
        var (meta, model, optimizer, rng) = CheckpointFile.Read(path);
        var broken = meta with { Fit = meta.Fit! with { Schedules = new Dictionary<string, string> { ["lr"] = "one_cycle(", ["mom"] = meta.Fit.Schedules["mom"] } } };
        CheckpointFile.Write(path, broken, model, optimizer, rng);
        using var learn = ResumeRig.Learner(fromStart: true);
        var e = Assert.Throws<CheckpointException>(() => learn.FitOneCycle(1, Hyper.Slice(1e-3, 3e-2), resumeFrom: path));
        Assert.Contains("lr schedule `one_cycle(` does not parse", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_foreign_file_is_a_clear_error()
    {
        using var learn = ResumeRig.Learner(fromStart: true);
        Assert.Contains("no checkpoint at", Assert.Throws<CheckpointException>(() => learn.Load(File("nope.ckpt"))).Message, StringComparison.Ordinal);
        System.IO.File.WriteAllText(File("text.ckpt"), "hello, not a checkpoint at all");
        Assert.Contains("not a SchedDsl checkpoint", Assert.Throws<CheckpointException>(() => learn.Load(File("text.ckpt"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Save_checkpoint_cannot_resume_a_fit()
    {
        using var learn = ResumeRig.Learner(fromStart: true);
        learn.Save(File("plain.ckpt"));
        var e = Assert.Throws<CheckpointException>(() => learn.FitOneCycle(1, 1e-2, resumeFrom: File("plain.ckpt")));
        Assert.Contains("saved outside a fit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartEpoch_skips_epochs_with_the_schedules_where_they_were()
    {
        using var learn = ResumeRig.Learner(fromStart: true);
        var log = new HyperLog();
        learn.FitOneCycle(3, 1e-2, callbacks: [log], startEpoch: 2);
        var total = 3 * ResumeRig.BatchCount;
        Assert.Equal(Enumerable.Range(2 * ResumeRig.BatchCount, ResumeRig.BatchCount), log.Values.Keys.Select(k => k.Iteration));
        var first = log.Values[(3, 2 * ResumeRig.BatchCount)][0];
        Assert.Equal(Sched.OneCycle(1e-2).At((double)(2 * ResumeRig.BatchCount) / total), first);
        Assert.Contains("startEpoch must be in [0, 2]", Assert.Throws<ArgumentOutOfRangeException>(() => learn.FitOneCycle(3, 1e-2, startEpoch: 3)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Best_checkpoint_follows_the_monitored_metric()
    {
        using var learn = ResumeRig.Learner(fromStart: true);
        var checkpoints = new CheckpointCallback(_folder, monitor: "valid_loss");
        var recorder = learn.FitOneCycle(3, 1e-2, callbacks: [checkpoints]);
        Assert.True(System.IO.File.Exists(checkpoints.BestPath));
        var best = recorder.Epochs.MinBy(e => e.ValidLoss)!;
        var (meta, _, _, _) = CheckpointFile.Read(checkpoints.BestPath);
        Assert.Equal((best.Epoch + 1) * ResumeRig.BatchCount, meta.Fit!.Step);
    }
}

/// <summary>Each batch's AdamW options, every param group: (beta2, eps, weight decay).</summary>
internal sealed class AdamWOptionsLog : Callback
{
    public List<(double Beta2, double Eps, double WeightDecay)> Options { get; } = [];

    public int Batches { get; private set; }

    public override void AfterBatch(FitContext context)
    {
        Batches++;
        foreach (var group in context.Optimizer.ParamGroups.Cast<TorchSharp.Modules.AdamW.ParamGroup>())
        {
            Options.Add((group.Options.beta2!.Value, group.Options.eps!.Value, group.Options.weight_decay!.Value));
        }
    }
}
