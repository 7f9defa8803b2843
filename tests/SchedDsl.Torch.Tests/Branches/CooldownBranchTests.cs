using Xunit;
using static SchedDsl.Torch.Tests.BranchRig;

namespace SchedDsl.Torch.Tests;

/// <summary><see cref="Learner.FitCooldownBranch"/>: branches off one trunk checkpoint, bit for bit against <see cref="Sched.Branch"/>.</summary>
public sealed class CooldownBranchTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schedsl-branch-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string TrunkFile => Path.Combine(_folder, "trunk-6.ckpt");

    private Recorder FitTrunk(ClockUnit clock = ClockUnit.Batches, int accumulate = 0)
    {
        Directory.CreateDirectory(_folder);
        return BranchRig.FitTrunk(Path.Combine(_folder, "trunk"), TrunkFile, clock, accumulate);
    }

    // Batches: 12 in the trunk, the checkpoint after 6. Samples: 150 in the trunk (3 epochs of 16, 16, 16, 2 rows),
    // 82 seen after 6 batches; 50 more end on a batch (after 10), 4 branch batches. Tokens: 462 in the trunk (154 an
    // epoch), 252 after 6 batches; 154 more (49 + 7 + 49 + 49, counted ahead) end after batch 10.
    [Theory]
    [InlineData(ClockUnit.Batches, 12, 6, 5, 5)]
    [InlineData(ClockUnit.Samples, 150, 82, 50, 4)]
    [InlineData(ClockUnit.Tokens, 462, 252, 154, 4)]
    public void Three_branches_off_one_trunk_start_at_its_lr_follow_Sched_Branch_bit_for_bit_and_leave_its_checkpoint_as_it_was(
        ClockUnit clock, long planned, long at, long length, int batches)
    {
        var trunk = FitTrunk(clock);
        var trunkBytes = File.ReadAllBytes(TrunkFile);
        var lr = Trunk[HyperParameter.LearningRate];
        const double Floor = 1e-4;
        foreach (var shape in new[] { CooldownShape.Linear, CooldownShape.Cosine, CooldownShape.Sqrt })
        {
            using var learn = New(clock);
            var own = new CheckpointCallback(Path.Combine(_folder, shape.ToString()), everySteps: 1);
            var branch = learn.FitCooldownBranch(TrunkFile, length, shape, Floor, callbacks: [own]);
            var expected = lr.Branch(planned, at, length, shape, Floor);

            // No jump: the first batch trains at the lr the trunk applied at that very batch.
            Assert.Equal(Raw(trunk.Lrs[At]), Raw(branch.Lrs[0]));
            Assert.Equal(Raw(lr.At((double)at / planned)), Raw(branch.Lrs[0]));
            // Every batch at Sched.Branch's value at its position, and the positions count the branch's at + length units.
            Assert.Equal(Raw((double)at / (at + length)), Raw(branch.Positions[0]));
            Assert.Equal(branch.Positions.Select(p => Raw(expected.At(p))), branch.Lrs.Select(Raw));
            // Falling all the way, to a schedule that ends at the floor exactly.
            Assert.True(branch.Lrs.Zip(branch.Lrs.Skip(1)).All(p => p.Second < p.First));
            Assert.Equal(Floor, expected.At(1));
            Assert.Equal((At, batches), (branch.Hypers.FirstStep, branch.Lrs.Count));
            // The momentum goes on from the trunk's value there (re-planned onto the branch), without a jump.
            Assert.Equal(Raw(trunk.Hypers.Get(HyperParameter.Momentum)[At]), Raw(branch.Hypers.Get(HyperParameter.Momentum)[0]));
            // Its own recorder: the trunk's finished epoch, then the epochs the branch trains (the last one partial).
            Assert.Equal([0, 1, 2], branch.Epochs.Select(e => e.Epoch));
            Assert.Same(branch, learn.Recorder);
            // Its own checkpoint, which holds the branch's schedule.
            Assert.Equal(expected.ToString(), Checkpoint.Read(own.LastPath).Meta.Fit!.Schedules["lr"]);
        }
        Assert.Equal(trunkBytes, File.ReadAllBytes(TrunkFile));
    }

    [Fact]
    public void A_branch_killed_mid_way_resumes_from_its_own_checkpoint_as_if_it_had_run_straight()
    {
        FitTrunk();
        using var straight = New();
        var expected = straight.FitCooldownBranch(TrunkFile, 5, CooldownShape.Cosine, 1e-4);
        var own = Path.Combine(_folder, "branch");
        using (var killed = New())
        using (var source = new CancellationTokenSource())
        {
            Assert.Throws<OperationCanceledException>(() => killed.FitCooldownBranch(TrunkFile, 5, CooldownShape.Cosine, 1e-4,
                callbacks: [new CheckpointCallback(own, everySteps: 1, everyEpoch: false), new CancelAfter(9, source)], cancellation: source.Token));
        }
        using var again = New();
        var resumed = again.FitCooldownBranch(TrunkFile, 5, CooldownShape.Cosine, 1e-4, resumeFrom: Path.Combine(own, "last.ckpt"));

        Assert.Equal(9, resumed.Hypers.FirstStep);
        Assert.Equal(expected.Lrs.Skip(3).Select(Raw), resumed.Lrs.Select(Raw));
        Assert.Equal(expected.Hypers.Get(HyperParameter.Momentum).Skip(3).Select(Raw), resumed.Hypers.Get(HyperParameter.Momentum).Select(Raw));
        Assert.Equal(expected.Losses.Skip(3), resumed.Losses);
        Assert.Equal(expected.Epochs.Select(e => e.Epoch), resumed.Epochs.Select(e => e.Epoch));
        Assert.All(straight.Model.parameters().Zip(again.Model.parameters()), p => Assert.True(p.First.equal(p.Second).item<bool>()));
        // The checkpoint of one branch does not resume another: another length is another fit.
        using var other = New();
        var error = Assert.Throws<CheckpointException>(() => other.FitCooldownBranch(TrunkFile, 6, CooldownShape.Cosine, 1e-4, resumeFrom: Path.Combine(own, "last.ckpt")));
        Assert.Contains("belongs to another fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_branch_on_the_updates_clock_with_accumulation_ends_with_the_update_that_completes_its_length()
    {
        // 32 samples an update over batches of 16, 16, 16, 2: updates after batches 1, 4, 6 and 9; the trunk plans 4.
        // After 6 batches 2 updates are done and 16 samples pending; 2 more updates end after batch 9, 4 batches on.
        FitTrunk(ClockUnit.Updates, accumulate: 32);
        using var learn = New(ClockUnit.Updates, accumulate: 32);
        var branch = learn.FitCooldownBranch(TrunkFile, 2, CooldownShape.Linear);
        var expected = Trunk[HyperParameter.LearningRate].Branch(4, 2, 2, CooldownShape.Linear);
        Assert.Equal([2.0 / 4, 3.0 / 4, 3.0 / 4, 3.0 / 4], branch.Positions);
        Assert.Equal(branch.Positions.Select(p => Raw(expected.At(p))), branch.Lrs.Select(Raw));
        Assert.Equal(4, branch.Updates);
    }

    [Fact]
    public void On_the_epochs_clock_a_branch_starts_at_the_checkpoints_epoch_and_ends_at_an_epochs_end()
    {
        // The checkpoint after 6 batches is in epoch 1 (of 3): one more epoch ends the branch after batch 8, and
        // the staircase holds the branch's start for the rest of epoch 1.
        var trunk = FitTrunk(ClockUnit.Epochs);
        using var learn = New(ClockUnit.Epochs);
        var branch = learn.FitCooldownBranch(TrunkFile, 2, CooldownShape.Linear);
        var expected = Trunk[HyperParameter.LearningRate].Branch(3, 1, 2, CooldownShape.Linear);
        Assert.Equal([1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3], branch.Positions);
        Assert.Equal(branch.Positions.Select(p => Raw(expected.At(p))), branch.Lrs.Select(Raw));
        Assert.Equal(Raw(trunk.Lrs[At]), Raw(branch.Lrs[0]));
    }

    [Fact]
    public void A_crafted_clock_total_below_the_progress_is_refused_as_damaged()
    {
        FitTrunk();
        var crafted = Path.Combine(_folder, "crafted.ckpt");
        CraftedFile.Read(TrunkFile).WithHeader(h => h["fit"]!["clock_total"] = 3).Seal(crafted);
        using var learn = New();
        var error = Assert.Throws<CheckpointException>(() => learn.FitCooldownBranch(crafted, 4));
        Assert.Contains("is damaged: it has done 6 batches of a fit of 3", error.Message, StringComparison.Ordinal);
        Assert.Null(learn.Recorder);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_clear_message_and_the_learner_unchanged()
    {
        FitTrunk();
        using var learn = New();
        var weights = learn.Model.parameters().Select(p => p.clone()).ToList();

        void Refused<TException>(Action branch, string message)
            where TException : Exception
        {
            var error = Assert.Throws<TException>(branch);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
            Assert.All(learn.Model.parameters().Zip(weights), p => Assert.True(p.First.equal(p.Second).item<bool>()));
            Assert.Null(learn.Recorder);
        }

        foreach (var length in new[] { 0, -1, 2.5, double.NaN, double.PositiveInfinity })
        {
            Refused<ArgumentOutOfRangeException>(() => learn.FitCooldownBranch(TrunkFile, length), $"length must be a whole number of batches >= 1 (the clock's units), got {length}");
        }
        Refused<ArgumentOutOfRangeException>(() => learn.FitCooldownBranch(TrunkFile, 4, floor: -1e-4), "floor must be a finite learning rate >= 0, got -0.0001");
        Refused<ArgumentOutOfRangeException>(() => learn.FitCooldownBranch(TrunkFile, 4, floor: double.NaN), "floor must be a finite learning rate >= 0, got NaN");
        // The trunk is at 1e-2 there (past its warmup): a cooldown does not rise.
        Refused<ArgumentOutOfRangeException>(() => learn.FitCooldownBranch(TrunkFile, 4, floor: 0.02), "floor must be in [0, 0.01] (the learning rate in force at the branch point: a cooldown does not rise), got 0.02");
        Refused<ArgumentOutOfRangeException>(() => learn.FitCooldownBranch(TrunkFile, 4, (CooldownShape)7), "shape must be Linear, Cosine or Sqrt, got 7");
        Refused<CheckpointException>(() => learn.FitCooldownBranch(Path.Combine(_folder, "none.ckpt"), 4), "no checkpoint at");

        var damaged = Path.Combine(_folder, "damaged.ckpt");
        var bytes = File.ReadAllBytes(TrunkFile);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(damaged, bytes);
        Refused<CheckpointException>(() => learn.FitCooldownBranch(damaged, 4), "is damaged: its SHA-256 does not match its content");

        var saved = Path.Combine(_folder, "saved.ckpt");
        using (var other = New())
        {
            other.Save(saved);
        }
        Refused<CheckpointException>(() => learn.FitCooldownBranch(saved, 4), "was saved outside a fit (Learner.Save); a branch starts from a checkpoint written during a fit");

        // The trunk's own checkpoint folder, passed again for the branch, would write over the source.
        var trunkLast = Path.Combine(_folder, "trunk", "last.ckpt");
        Refused<ArgumentException>(() => learn.FitCooldownBranch(trunkLast, 4, callbacks: [new CheckpointCallback(Path.Combine(_folder, "trunk"))]),
            "would overwrite the branch's source checkpoint");
        learn.Callbacks.Add(new CheckpointCallback(Path.Combine(_folder, "trunk")));
        Refused<ArgumentException>(() => learn.FitCooldownBranch(trunkLast, 4), "would overwrite the branch's source checkpoint");
        learn.Callbacks.Clear();

        learn.Clock = ClockUnit.Samples;
        Refused<CheckpointException>(() => learn.FitCooldownBranch(TrunkFile, 4), "was taken on the Batches clock and this fit counts Samples");
        learn.Clock = ClockUnit.Batches;

        // Another model over the same data.
        using var foreign = new Learner(Synth.Mlp(inputs: 1), learn.Train, valid: null, learn.LossFunction);
        var error = Assert.Throws<CheckpointException>(() => foreign.FitCooldownBranch(TrunkFile, 4));
        Assert.Contains("holds another model", error.Message, StringComparison.Ordinal);
        Assert.Null(foreign.Recorder);
    }

    [Fact]
    public void On_the_samples_clock_a_length_that_ends_inside_a_batch_is_refused_naming_the_lengths_that_do_not()
    {
        FitTrunk(ClockUnit.Samples);
        using var learn = New(ClockUnit.Samples);
        var error = Assert.Throws<ArgumentException>(() => learn.FitCooldownBranch(TrunkFile, 17));
        Assert.Contains("length must end on a batch: from samples 82, the branch can end after 16 or 18 samples, got 17", error.Message, StringComparison.Ordinal);
        Assert.Null(learn.Recorder);
    }
}
