using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>TorchSharp datasets and loaders as batch sources: per-epoch order, counts, keys, and exact resumes.</summary>
public sealed class DataLoaderBatchesTests
{
    [Fact]
    public void A_shuffled_dataset_has_an_order_per_epoch_that_depends_on_seed_and_epoch_alone()
    {
        using var items = new Items(10);
        var first = new DataLoaderBatches(items, 3, shuffle: true, seed: 5);
        var again = new DataLoaderBatches(items, 3, shuffle: true, seed: 5);

        var epoch0 = Order(first, 0);
        var epoch1 = Order(first, 1);
        Assert.Equal(epoch0, Order(again, 0));          // a new process replays epoch 0
        Assert.Equal(epoch1, Order(again, 1));          // and epoch 1, without passing through epoch 0
        Assert.Equal(epoch0, Order(first, 0));          // asking again does not advance anything
        Assert.NotEqual(epoch0, epoch1);                // but each epoch is reshuffled (TorchSharp's seeded loader alone is not)
        Assert.NotEqual(epoch0, Order(new DataLoaderBatches(items, 3, shuffle: true, seed: 6), 0));
        Assert.Equal(Enumerable.Range(0, 10), epoch0.Order());
        Assert.Equal(Enumerable.Range(0, 10), epoch1.Order());
    }

    [Fact]
    public void Unshuffled_batches_keep_the_dataset_order_and_count_what_they_yield()
    {
        using var items = new Items(10);
        var all = new DataLoaderBatches(items, 3);
        var dropLast = new DataLoaderBatches(items, 3, dropLast: true);

        Assert.Equal(Enumerable.Range(0, 10), Order(all, 0));
        Assert.Equal(4, all.Count);
        Assert.Equal(4, all.GetBatches(0).Count());
        Assert.Equal(3, dropLast.Count);
        Assert.Equal(3, dropLast.GetBatches(0).Count());
        Assert.Equal(Enumerable.Range(0, 9), Order(dropLast, 0));
    }

    [Fact]
    public void A_loader_is_used_as_it_is()
    {
        using var items = new Items(7);
        using var loader = new TorchSharp.Modules.DataLoader(items, 2, disposeDataset: false);
        var batches = new DataLoaderBatches(loader);

        Assert.Equal(4, batches.Count);
        Assert.Equal(Enumerable.Range(0, 7), Order(batches, 0));
        Assert.Equal(Enumerable.Range(0, 7), Order(batches, 3));
    }

    [Fact]
    public void A_batch_without_the_keys_names_the_keys_it_has()
    {
        using var items = new Items(4);
        var batches = new DataLoaderBatches(items, 2, inputKey: "image");

        var error = Assert.Throws<InvalidOperationException>(() => batches.GetBatches(0).First());
        Assert.Equal("a batch lacks key 'image' or 'label'; it has: data, label", error.Message);
    }

    [Fact]
    public void A_bad_batch_size_is_refused_with_the_range() =>
        Assert.Contains("batchSize must be >= 1, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoaderBatches(new Items(4), 0)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_fit_on_a_shuffled_dataset_killed_mid_epoch_and_resumed_ends_with_the_uninterrupted_weights()
    {
        using var items = new Items(12);
        var initial = Path.Combine(Path.GetTempPath(), $"schedsl-dataloader-init-{Guid.NewGuid():N}.ckpt");
        var folder = Directory.CreateTempSubdirectory("schedsl-dataloader-").FullName;
        try
        {
            TorchState expected;
            using (var uninterrupted = NewLearner(items))
            {
                uninterrupted.Save(initial, withOptimizer: false);
                uninterrupted.FitOneCycle(2, 0.05);
                expected = new TorchState(uninterrupted.Model, uninterrupted.Optimizer);
            }

            var checkpoints = new CheckpointCallback(folder, everySteps: 1);
            using (var killed = NewLearner(items))
            {
                killed.Load(initial, withOptimizer: false);
                // 3 batches per epoch: killed after the 5th, in the middle of the second epoch.
                Assert.Throws<KilledException>(() => killed.FitOneCycle(2, 0.05, callbacks: [checkpoints, new KillAfter(5)]));
            }
            using var resumed = NewLearner(items);
            resumed.FitOneCycle(2, 0.05, callbacks: [checkpoints], resumeFrom: checkpoints.LastPath);

            expected.AssertSame(resumed.Model, resumed.Optimizer);
        }
        finally
        {
            File.Delete(initial);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Learner NewLearner(Items items) =>
        new(nn.Linear(1, 1), new DataLoaderBatches(items, 4, shuffle: true, seed: 11), new DataLoaderBatches(items, 4),
            (p, t) => nn.functional.mse_loss(p, t));

    private static int[] Order(DataLoaderBatches batches, int epoch) =>
        [.. batches.GetBatches(epoch).SelectMany(b => b.Input.data<float>().ToArray()).Select(v => (int)v)];

    /// <summary>Item i is input [i] with target [2i + 1].</summary>
    private sealed class Items(int count) : utils.data.Dataset
    {
        public override long Count => count;

        public override Dictionary<string, Tensor> GetTensor(long index) =>
            new() { ["data"] = tensor(new float[] { index }), ["label"] = tensor(new float[] { (2 * index) + 1 }) };
    }
}
