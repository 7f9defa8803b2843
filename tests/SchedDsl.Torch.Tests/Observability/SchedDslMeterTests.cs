using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>The meter is process-wide: these tests run alone, so no other test's fit feeds their listener.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class MeterCollection;

[Collection(typeof(MeterCollection))]
public sealed class SchedDslMeterTests
{
    [Fact]
    public void A_listener_reads_each_groups_applied_lr_and_momentum_the_loss_and_the_counts_during_a_fit()
    {
        using var reader = new MeterReader();
        using var learn = Synth.MlpLearner(); // 3 layer groups; 10 training batches of 16 rows per epoch
        var checks = new List<(double[] Expected, double[] Lrs, double[] Moms, double Loss, double ExpectedLoss)>();
        var rates = new List<(double Batches, double Samples)>();
        var probe = new BatchProbe(context =>
        {
            var readings = reader.Collect();
            double[] Of(string name) => [.. readings.Where(r => r.Instrument == name).OrderBy(r => r.Group).Select(r => r.Value)];
            var expected = Enumerable.Range(0, 3).Select(g => context.Hypers[HyperParameter.LearningRate, g])
                .Concat(Enumerable.Range(0, 3).Select(g => context.Hypers[HyperParameter.Momentum, g])).ToArray();
            checks.Add((expected, Of(SchedDslMeter.LearningRate), Of(SchedDslMeter.Momentum), Of(SchedDslMeter.Loss).Single(), context.SmoothLoss));
            if (Of(SchedDslMeter.BatchRate) is [var batchRate] && Of(SchedDslMeter.SampleRate) is [var sampleRate])
            {
                rates.Add((batchRate, sampleRate));
            }
        });
        learn.FitOneCycle(2, Hyper.Slice(1e-4, 1e-2), callbacks: [probe]);

        Assert.Equal(20, checks.Count);
        foreach (var (expected, lrs, moms, loss, expectedLoss) in checks)
        {
            // The gauges publish a copy of what the optimizer was given for this batch: the same doubles, bit for bit.
            Assert.Equal(expected, lrs.Concat(moms).ToArray());
            Assert.Equal(expectedLoss, loss);
        }
        // The slice gives each group its own peak: the gauges tell the groups apart by the layer-group tag.
        Assert.True(checks[5].Lrs[0] < checks[5].Lrs[1] && checks[5].Lrs[1] < checks[5].Lrs[2]);
        Assert.Equal(20, reader.Counted.Where(r => r.Instrument == SchedDslMeter.Batches).Sum(r => r.Value));
        Assert.Equal(20 * 16, reader.Counted.Where(r => r.Instrument == SchedDslMeter.Samples).Sum(r => r.Value));
        // Every batch has a rate (its epoch's window is open from the epoch's start), and a fixed batch size of 16
        // makes the sample rate 16 times the batch rate.
        Assert.Equal(20, rates.Count);
        Assert.All(rates, r => Assert.True(r.Batches > 0 && double.IsFinite(r.Batches), $"batch rate {r.Batches}"));
        Assert.All(rates, r => Assert.Equal(16 * r.Batches, r.Samples, 1e-9 * r.Samples));
    }

    [Fact]
    public void Instruments_carry_the_names_and_units_of_SchedDslMeter_and_a_fit_without_skips_leaves_skipped_updates_alone()
    {
        using var reader = new MeterReader();
        using var learn = Synth.RegLearner();
        var collected = new List<MeterReader.Reading>();
        learn.Fit(1, callbacks: [new BatchProbe(_ => collected.AddRange(reader.Collect()))]);

        var units = collected.Concat(reader.Counted).GroupBy(r => r.Instrument).ToDictionary(g => g.Key, g => g.First().Unit);
        Assert.Null(units[SchedDslMeter.LearningRate]);
        Assert.Null(units[SchedDslMeter.Loss]);
        Assert.Equal("{batch}", units[SchedDslMeter.Batches]);
        Assert.Equal("{sample}", units[SchedDslMeter.Samples]);
        Assert.Equal("{batch}/s", units[SchedDslMeter.BatchRate]);
        Assert.Equal("{sample}/s", units[SchedDslMeter.SampleRate]);
        // The counter is process-wide (other tests' guarded fits may have counted skips): this fit skips none, so it
        // is published and stays where it was.
        var skipped = collected.Where(r => r.Instrument == SchedDslMeter.SkippedUpdates).Select(r => r.Value).ToList();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, v => Assert.Equal(skipped[0], v));
        // Fit (a constant lr) schedules no momentum: its gauge has nothing to publish.
        Assert.DoesNotContain(collected, r => r.Instrument == SchedDslMeter.Momentum);
    }

    [Fact]
    public void A_skipped_update_counts_once()
    {
        using var reader = new MeterReader();
        double Skipped() => reader.Collect().Single(r => r.Instrument == SchedDslMeter.SkippedUpdates).Value;
        var before = Skipped();
        // The guard's test rig: batch 2 of 4 has a NaN gradient and a finite loss.
        using var learn = UpdateGuardTests.Poisoned(call => call == 2, out _);
        learn.SkipNonFiniteUpdates = true;
        var recorder = learn.Fit(1);
        Assert.Equal(1, recorder.SkippedUpdates);
        Assert.Equal(before + 1, Skipped());
    }

    [Fact]
    public void After_a_fit_ends_or_fails_the_gauges_publish_nothing()
    {
        using var reader = new MeterReader();
        using (var learn = Synth.RegLearner())
        {
            learn.Fit(1);
        }
        var calls = 0;
        var (train, valid) = Synth.Data();
        using var diverging = new Learner(new RegModel(), train, valid, (p, t) => ++calls == 3 ? nn.functional.mse_loss(p, t) * double.NaN : nn.functional.mse_loss(p, t));
        Assert.Throws<TrainingDivergedException>(() => diverging.Fit(1));

        Assert.DoesNotContain(reader.Collect(), r => r.Instrument is SchedDslMeter.LearningRate or SchedDslMeter.Loss or SchedDslMeter.BatchRate);
    }

    [Fact]
    public void With_nobody_listening_a_batch_allocates_nothing_for_the_meter()
    {
        using var learn = Synth.RegLearner();
        var allocated = new List<long>();
        learn.Fit(1, callbacks: [new BatchProbe(context =>
        {
            Assert.False(TrainingMeter.Observed);
            var before = GC.GetAllocatedBytesForCurrentThread();
            context.Observer.BatchEnded(16);
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        })]);
        Assert.Equal(Enumerable.Repeat(0L, 10), allocated);
    }
}
