using SchedDsl.Torch;
using static TorchSharp.torch;

namespace SchedDsl.Experiments;

/// <summary>Builds every learner of the experiments the same way: only the seed and the model differ between arms.</summary>
internal sealed class Learners(Budget budget, Func<IEnumerable<Callback>> callbacks)
{
    private const int ValidBatchSize = 512;

    /// <summary>A fresh <see cref="SmallCnn"/> whose weights depend only on <paramref name="seed"/>.</summary>
    public static TorchSharp.Modules.Sequential NewModel(int seed, int classes)
    {
        manual_seed(seed);
        return SmallCnn.Create(classes);
    }

    /// <summary>
    /// A learner on <paramref name="data"/> (test images as the validation set) with accuracy, three layer groups and
    /// the batch order of <paramref name="seed"/>; AdamW and the other defaults are the library's.
    /// </summary>
    public Learner Create(nn.Module<Tensor, Tensor> model, Dataset data, int seed)
    {
        var train = new TensorBatches(data.TrainImages, data.TrainLabels, budget.BatchSize, shuffle: true, dropLast: true, seed: seed);
        var valid = new TensorBatches(data.TestImages, data.TestLabels, ValidBatchSize);
        var loss = nn.CrossEntropyLoss();
        var learn = new Learner(model, train, valid, (p, t) => loss.forward(p, t)) { Splitter = Splitters.ByChildren(SmallCnn.GroupStarts) };
        learn.Metrics.Add(new Accuracy());
        foreach (var callback in callbacks())
        {
            learn.Callbacks.Add(callback);
        }
        return learn;
    }
}
