using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class Experiment7SamplesClockTests
{
    private const long Total = 1000;

    private static Experiment7SamplesClock.Outcome Outcome()
    {
        var outcome = Experiment7SamplesClock.Outcome.Empty(1);
        // The schedule at samples/total for every arm, then one arm moved off it at one batch.
        for (var a = 0; a < Experiment7SamplesClock.Arms.Count; a++)
        {
            var batch = Experiment7SamplesClock.Arms[a].BatchSize;
            outcome.Samples[a] = [.. Enumerable.Range(0, (int)(Total / batch)).Select(i => (long)i * batch)];
            outcome.Lrs[a] = [.. outcome.Samples[a].Select(s => Experiment7SamplesClock.Schedule.At((double)s / Total))];
        }
        outcome.Lrs[3][2] += AnytimeBudget.PeakLr / 100;
        return outcome;
    }

    [Fact]
    public void Batches_at_the_reference_s_sample_counts_are_compared_bit_for_bit()
    {
        var outcome = Outcome();
        // The reference (batch 128) starts batches at 0, 128, ..., 768; batch 64 at 0, 64, ..., 896: seven are shared.
        Assert.Equal((7, 7), Experiment7SamplesClock.SharedLrs(outcome, 0));
        Assert.Equal((7, 7), Experiment7SamplesClock.SharedLrs(outcome, Experiment7SamplesClock.ReferenceIndex));
        // Arm 3's third batch (at 128 samples) was moved: shared, not identical.
        Assert.Equal((7, 6), Experiment7SamplesClock.SharedLrs(outcome, 3));
    }

    [Fact]
    public void The_deviation_is_each_lr_minus_the_schedule_in_samples_as_a_share_of_the_peak()
    {
        var deviation = Experiment7SamplesClock.Deviation(Outcome(), 3, Total);
        // Tolerance: a difference of two doubles near 1e-2 divided by 1e-2; 1e-12 is far below the 1 % it must find.
        Assert.Equal(0.01, deviation[2], 1e-12);
        Assert.All(deviation.Where((_, i) => i != 2), d => Assert.Equal(0, d));
    }

    [Fact]
    public void Each_batching_runs_on_both_clocks_and_the_accumulated_one_updates_every_128_samples()
    {
        var arms = Experiment7SamplesClock.Arms;
        Assert.Equal(arms.Count, arms.Select(a => a.Name).Distinct().Count());
        Assert.All(arms.GroupBy(a => a.Batching), g => Assert.Equal(2, g.Count()));
        Assert.Contains(arms, a => a is { BatchSize: 32, AccumulateSamples: 128 });
        Assert.Equal("4 × 32, accumulated, samples clock", arms[2].Name);
    }
}
