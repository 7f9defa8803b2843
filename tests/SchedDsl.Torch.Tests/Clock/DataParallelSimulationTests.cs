using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// The claims of docs/distributed.md, simulated on one machine: under the samples clock a schedule does not depend on
/// how the data is cut into workers, micro-batches or batches.
/// </summary>
public sealed class DataParallelSimulationTests
{
    private static readonly Sched Lin = ClockRig.Lin[HyperParameter.LearningRate];

    private static long Raw(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>A learner over rows <paramref name="from"/> … <paramref name="from"/> + <paramref name="rows"/> of one fixed data set, unshuffled.</summary>
    private static Learner Shard(int from, int rows, int batchSize)
    {
        using var generator = manual_seed(11);
        var x = randn(200, 1);
        var y = (2 * x) + 3;
        manual_seed(12);
        var learn = new Learner(new RegModel(), new TensorBatches(x[from..(from + rows)], y[from..(from + rows)], batchSize), valid: null, (p, t) => nn.functional.mse_loss(p, t))
        {
            Clock = ClockUnit.Samples,
        };
        return learn;
    }

    // 200 rows: k ranks of 200/k rows each in batches of b, against one process in batches of k*b. With b = 8 the
    // last batches are partial (k = 2: 100 = 12*8 + 4 per rank, 200 = 12*16 + 8 in all).
    [Theory]
    [InlineData(2, 8)]
    [InlineData(4, 8)]
    [InlineData(5, 5)]
    public void Each_of_k_data_parallel_ranks_applies_at_every_step_the_lr_of_one_process_with_the_global_batch(int ranks, int batchSize)
    {
        using var single = Shard(0, 200, ranks * batchSize);
        var expected = single.Fit(2, ClockRig.Lin);
        for (var r = 0; r < ranks; r++)
        {
            // Each rank counts only its own samples over its own total: the same fraction of the data, so the same
            // double (the two ratios are one rational number, and IEEE division rounds it once).
            using var rank = Shard(r * (200 / ranks), 200 / ranks, batchSize);
            var applied = rank.Fit(2, ClockRig.Lin);
            Assert.Equal(expected.Lrs.Select(Raw), applied.Lrs.Select(Raw));
            Assert.Equal(expected.Positions.Select(Raw), applied.Positions.Select(Raw));
        }
    }

    // The simulation of the accumulation claim: k micro-batches of b accumulated into one update, and one batch of
    // k*b, put every batch on one curve, lr = sched(samples before it / samples of the fit); so at every sample count
    // both reach they apply the same lr, bit for bit, whatever the partial batches.
    [Theory]
    [InlineData(2, 8)]
    [InlineData(3, 4)]
    [InlineData(4, 7)]
    public void Accumulated_micro_batches_and_one_large_batch_follow_one_lr_curve_of_the_samples_seen(int k, int b)
    {
        using var micro = Shard(0, 100, b);
        micro.AccumulateSamples = k * b;
        using var large = Shard(0, 100, k * b);
        var a = micro.Fit(3, ClockRig.Lin);
        var c = large.Fit(3, ClockRig.Lin);
        foreach (var recorder in new[] { a, c })
        {
            Assert.Equal(recorder.Samples.Select(s => Raw(Lin.At((double)s / 300))), recorder.Lrs.Select(Raw));
        }
        var bySamples = a.Samples.Zip(a.Lrs).ToDictionary(p => p.First, p => p.Second);
        var shared = c.Samples.Zip(c.Lrs).Where(p => bySamples.ContainsKey(p.First)).ToList();
        Assert.True(shared.Count >= 3, "the runs should meet at several sample counts");
        Assert.All(shared, p => Assert.Equal(Raw(p.Second), Raw(bySamples[p.First])));
    }
}
