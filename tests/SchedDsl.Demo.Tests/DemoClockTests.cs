using System.Globalization;
using SchedDsl.Tests.Shared;
using SchedDsl.Torch;
using Xunit;

namespace SchedDsl.Demo.Tests;

/// <summary>
/// Issue 18's "Done means" checks, through the demo's flags and its <c>--hypers-csv</c> file, on a small budget
/// (2,048 training images, 15 LR-finder iterations, no fine-tune, one thread): the samples clock makes the lr curve
/// independent of the batch size, the updates clock makes accumulation follow one larger batch, and a run killed
/// with SIGKILL mid-epoch 2 and resumed with <c>--epochs 3</c> goes on without a jump.
/// </summary>
public sealed class DemoClockTests : IDisposable
{
    /// <summary>The one-cycle peak every run shares (<c>--lr</c>), so batch sizes do not get different LR-finder suggestions.</summary>
    private const double Peak = 1e-2;

    private readonly string _dir = Directory.CreateTempSubdirectory("scheddsl-demo-clock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DemoOptions Small(string name, int batchSize, ClockUnit clock, int accumulate = 1) => new()
    {
        TrainSamples = 2048,
        TestSamples = 512,
        Epochs = 1,
        LrFindIterations = 15,
        FineTune = false,
        OutputDirectory = Path.Combine(_dir, name),
        Threads = 1,
        Lr = Peak,
        BatchSize = batchSize,
        Clock = clock,
        Accumulate = accumulate,
        HypersCsvPath = Path.Combine(_dir, name + ".csv"),
    };

    [Fact]
    public void Under_the_samples_clock_batch_sizes_64_and_128_apply_bit_identical_lrs_at_every_sample_count_both_reach()
    {
        RequiredData.FashionMnist();
        var small = Train(Small("bs64", 64, ClockUnit.Samples));
        var large = Train(Small("bs128", 128, ClockUnit.Samples));
        // 32 and 16 full batches (the demo drops a last partial batch): every sample count of the 128 run is one of the 64 run's.
        Assert.Equal(32, small.Rows.Count);
        Assert.Equal(16, large.Rows.Count);
        var bySamples = small.Rows.ToDictionary(r => r.Samples);
        foreach (var row in large.Rows)
        {
            // The hyper-parameter cells are written round-trip ("R"): equal text is equal bits.
            Assert.Equal(row.Hypers, bySamples[row.Samples].Hypers);
        }
        Assert.Equal(large.Hyper, small.Hyper);
    }

    [Fact]
    public void Batch_size_64_accumulating_2_on_the_updates_clock_applies_per_update_the_lrs_batch_size_128_applies_per_batch()
    {
        RequiredData.FashionMnist();
        var micro = Train(Small("acc2", 64, ClockUnit.Updates, accumulate: 2));
        var whole = Train(Small("bs128", 128, ClockUnit.Batches));
        Assert.Equal(2 * whole.Rows.Count, micro.Rows.Count);
        for (var update = 0; update < whole.Rows.Count; update++)
        {
            // Both micro-batches of an update train at the update's position.
            Assert.Equal(whole.Rows[update].Hypers, micro.Rows[2 * update].Hypers);
            Assert.Equal(whole.Rows[update].Hypers, micro.Rows[(2 * update) + 1].Hypers);
        }
    }

    [Fact]
    public async Task Killed_by_sigkill_mid_epoch_2_and_resumed_with_3_epochs_goes_on_without_a_jump_to_the_schedules_end()
    {
        RequiredData.FashionMnist();
        var cancel = TestContext.Current.CancellationToken;
        var checkpoints = Path.Combine(_dir, "ckpt");
        var csv = Path.Combine(_dir, "hypers.csv");
        // The process takes the demo's command line: its default test images and LR-finder iterations, which the fit does not depend on with --lr.
        string[] args =
        [
            "--no-fine-tune", "--epochs", "2", "--train-samples", "2048", "--threads", "1", "--lr", "0.01",
            "--out", Path.Combine(_dir, "out"), "--hypers-csv", csv, "--checkpoint", checkpoints, "--checkpoint-every", "5",
        ];

        // 16 batches an epoch, a checkpoint every 5 batches and at each epoch's end: killed once 22 batches have their
        // rows, whose checkpoint of step 20 (or later) is in epoch 2.
        using (var killed = DemoProcess.Start(args))
        {
            while (Lines(csv) < 1 + 22 && !killed.HasExited)
            {
                await Task.Delay(10, cancel);
            }
            Assert.False(killed.HasExited, "the demo ended before epoch 2's batches");
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync(cancel);
        }
        Assert.InRange(Lines(csv) - 1, 22, 31);

        var resume = Small("out", 128, ClockUnit.Batches) with { Epochs = 3, ResumeDirectory = checkpoints, HypersCsvPath = csv };
        // Hold-then-decay keeps a decay's length, and one-cycle has none to keep: refused, as one line.
        var (refusedCode, refused) = Run(() => DemoCommand.Run(resume with { Replan = ReplanPolicy.HoldThenDecay }, TextWriter.Null, cancel));
        Assert.Equal(2, refusedCode);
        Assert.Contains("with Learner.ReplanPolicy = HoldThenDecay: its lr schedule refuses it: replan_hold_then_decay: sched must be a call of wsd", refused, StringComparison.Ordinal);

        var (code, output) = Run(() => DemoCommand.Run(resume, TextWriter.Null, cancel));
        Assert.True(code == 0, output);
        var resumed = HypersFile.Read(csv);
        // Every batch of the 3 epochs, once, in order: those restored from the checkpoint, then those trained after.
        Assert.Equal(Enumerable.Range(0, 48), resumed.Rows.Select(r => r.Step));
        // The resume point: the first batch whose position counts 48 batches instead of 32.
        var k = resumed.Rows.First(r => r.Step > 0 && r.Pos == r.Step / 48.0).Step;
        Assert.InRange(k, 17, 31);
        var planned = Sched.OneCycle(Peak);
        var extended = planned.Replan(32, k, 48);
        foreach (var row in resumed.Rows)
        {
            var expected = row.Step < k ? planned.At(row.Step / 32.0) : extended.At(row.Step / 48.0);
            Assert.All(row.Lrs, lr => Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(lr)));
        }
        // No jump: the first batch after the resume trains at the lr the 2-epoch fit would have used there.
        Assert.Equal(planned.At(k / 32.0), resumed.Rows[k].Lrs[0]);
        // It ends where the schedule ends: the re-planned curve reaches one-cycle's final value, and the last batch is on its way down past the 2-epoch fit's last.
        Assert.Equal(planned.At(1), extended.At(1));
        Assert.True(resumed.Rows[^1].Lrs[0] < planned.At(31 / 32.0));
    }

    /// <summary>Runs the demo in-process and reads its <c>--hypers-csv</c> file.</summary>
    private static HypersFile Train(DemoOptions options)
    {
        var (code, output) = Run(() => DemoCommand.Run(options, TextWriter.Null, TestContext.Current.CancellationToken));
        Assert.True(code == 0, output);
        return HypersFile.Read(options.HypersCsvPath!);
    }

    private static (int Code, string Output) Run(Func<int> body)
    {
        using var stderr = new StringWriter();
        var code = ErrorLine.Run(stderr, body);
        return (code, stderr.ToString());
    }

    /// <summary>Lines in a file another process is writing, or 0 while it does not exist.</summary>
    private static int Lines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Count(c => c == '\n');
    }

    /// <summary>A <c>--hypers-csv</c> file: <c>step,epoch,samples,pos</c>, then the hyper-parameter of every group.</summary>
    private sealed record HypersFile(string Hyper, IReadOnlyList<HypersRow> Rows)
    {
        public static HypersFile Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var header = lines[0].Split(',');
            Assert.Equal(["step", "epoch", "samples", "pos"], header[..4]);
            var lrColumns = Enumerable.Range(4, header.Length - 4).Where(c => header[c].StartsWith("lr_", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(lrColumns);
            var rows = lines[1..].Select(l => l.Split(',')).Select(c => new HypersRow(
                int.Parse(c[0], CultureInfo.InvariantCulture),
                long.Parse(c[2], CultureInfo.InvariantCulture),
                double.Parse(c[3], CultureInfo.InvariantCulture),
                string.Join(',', c[4..]),
                [.. lrColumns.Select(i => double.Parse(c[i], CultureInfo.InvariantCulture))])).ToList();
            return new HypersFile(lines[0], rows);
        }
    }

    /// <param name="Step">Batches before this one.</param>
    /// <param name="Samples">Samples seen before it.</param>
    /// <param name="Pos">The position its schedules were evaluated at.</param>
    /// <param name="Hypers">Every hyper-parameter cell of the row, as written.</param>
    /// <param name="Lrs">The learning rate of every layer group.</param>
    private sealed record HypersRow(int Step, long Samples, double Pos, string Hypers, IReadOnlyList<double> Lrs);
}
