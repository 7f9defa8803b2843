using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>Learners over the same rows at any batch size, for comparing clocks.</summary>
internal static class ClockRig
{
    /// <summary>A linear lr schedule, so that every position gives a distinct lr.</summary>
    public static readonly IReadOnlyDictionary<HyperParameter, Sched> Lin = new Dictionary<HyperParameter, Sched>
    {
        [HyperParameter.LearningRate] = Sched.Lin(1e-3, 1e-2),
    };

    /// <summary>A regression learner over <paramref name="rows"/> rows (the same rows for every batch size), unshuffled.</summary>
    public static Learner Learner(int rows, int batchSize, Func<Tensor, Tensor, Tensor>? loss = null)
    {
        var generator = manual_seed(11);
        var x = randn(rows, 1);
        var y = (2 * x) + 3;
        manual_seed(12);
        return new Learner(new RegModel(), new TensorBatches(x, y, batchSize), valid: null, loss ?? ((p, t) => nn.functional.mse_loss(p, t)));
    }
}
