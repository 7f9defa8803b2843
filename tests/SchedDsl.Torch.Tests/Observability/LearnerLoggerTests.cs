using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

public sealed class LearnerLoggerTests
{
    [Fact]
    public void A_fit_logs_its_start_each_epochs_row_each_checkpoint_and_its_end()
    {
        var log = new ListLogger();
        using var learn = Synth.RegLearner(lr: 1e-2);
        learn.Logger = log;
        var folder = Directory.CreateTempSubdirectory("scheddsl-log-").FullName;
        try
        {
            var recorder = learn.FitOneCycle(2, callbacks: [new CheckpointCallback(folder)]);

            Assert.Equal(["FitStarted", "EpochEnded", "CheckpointWritten", "EpochEnded", "CheckpointWritten", "FitEnded"], log.Events);
            Assert.All(log.Entries, e => Assert.Equal(LogLevel.Information, e.Level));
            var started = log.Entries[0].Message;
            Assert.Equal($"Fit started: 2 epochs of 10 batches from iteration 0; schedules lr={Sched.OneCycle(1e-2)}, mom={Sched.OneCycleMomentum()}", started);
            // Each row is the printed table's row (EpochColumns), named cell by cell.
            for (var epoch = 0; epoch < 2; epoch++)
            {
                var cells = EpochColumns.Cells(recorder.Epochs[epoch], 0);
                Assert.Equal($"Epoch {epoch}: train_loss {cells[1]}, valid_loss {cells[2]}, time {cells[3]}", log.Entries[1 + (2 * epoch)].Message);
            }
            Assert.Equal($"Checkpoint written to {Path.Combine(folder, "last.ckpt")} at iteration 10", log.Entries[2].Message);
            Assert.StartsWith("Fit ended at iteration 20 of 20 after ", log.Entries[5].Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LrFind_logs_its_suggestions()
    {
        var log = new ListLogger();
        using var learn = Synth.RegLearner();
        learn.Logger = log;
        var found = learn.LrFind(numIt: 50, stopDiv: false);

        // 50 batches of 10 per epoch: the finder's fit ends 4 whole epochs (rows without validation), then its callback stops it.
        Assert.Equal(["FitStarted", "EpochEnded", "EpochEnded", "EpochEnded", "EpochEnded", "FitStopped", "FitEnded", "LrFindSuggested"], log.Events);
        Assert.Contains("schedules lr=lr_finder(", log.Entries[0].Message, StringComparison.Ordinal);
        Assert.Contains("valid_loss None", log.Entries[1].Message, StringComparison.Ordinal);
        var s = found.Suggestions!;
        Assert.Equal(FormattableString.Invariant(
            $"LR finder suggests valley {s.Valley:0.00e+0}, steep {s.LrSteep:0.00e+0}, minimum/10 {s.LrMin:0.00e+0}, slide {s.Slide:0.00e+0} (50 points, stopped early: False)"),
            log.Entries[^1].Message);
    }

    [Fact]
    public void A_diverging_fit_logs_an_error_with_the_exception_and_no_end()
    {
        var log = new ListLogger();
        var calls = 0;
        var (train, valid) = Synth.Data();
        using var learn = new Learner(new RegModel(), train, valid, (p, t) => ++calls == 4 ? nn.functional.mse_loss(p, t) * double.NaN : nn.functional.mse_loss(p, t)) { Logger = log };
        var thrown = Assert.Throws<TrainingDivergedException>(() => learn.Fit(1));

        Assert.Equal(["FitStarted", "TrainingDiverged"], log.Events);
        var entry = log.Entries[1];
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(thrown, entry.Exception);
        Assert.StartsWith("Training diverged at epoch 0, batch 3: the loss is NaN", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_early_stop_and_a_cancellation_are_logged()
    {
        var log = new ListLogger();
        using var learn = Synth.RegLearner();
        learn.Logger = log;
        learn.Fit(2, callbacks: [new BatchProbe(c =>
        {
            if (c.Batch == 3)
            {
                c.RequestStop();
            }
        })]);
        // A stopped epoch is still validated and reported, as in fastai.
        Assert.Equal(["FitStarted", "EpochEnded", "FitStopped", "FitEnded"], log.Events);
        Assert.Equal("Fit stopped early by a callback at epoch 0, batch 3 (iteration 4 of 20)", log.Entries[2].Message);

        log.Entries.Clear();
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => learn.Fit(2, callbacks: [new BatchProbe(c =>
        {
            if (c.Iteration == 12)
            {
                cancel.Cancel();
            }
        })], cancellation: cancel.Token));
        Assert.Equal(["FitStarted", "EpochEnded", "FitCancelled"], log.Events);
        Assert.Equal(LogLevel.Warning, log.Entries[2].Level);
        Assert.StartsWith("Fit cancelled at epoch 1, batch 1 (iteration 12)", log.Entries[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logger_that_is_not_enabled_gets_no_entry_and_null_is_refused()
    {
        var log = new ListLogger(LogLevel.None);
        using var learn = Synth.RegLearner();
        Assert.Same(NullLogger.Instance, learn.Logger);
        learn.Logger = log;
        learn.FitOneCycle(1);
        learn.LrFind(numIt: 20);
        Assert.Empty(log.Entries);
        Assert.Throws<ArgumentNullException>(() => learn.Logger = null!);
    }
}
