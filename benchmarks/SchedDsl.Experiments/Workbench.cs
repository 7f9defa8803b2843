using SchedDsl.Demo;
using SchedDsl.Torch;
using static TorchSharp.torch;

namespace SchedDsl.Experiments;

/// <summary>What every experiment shares: the budget, the data, how learners are made, where results go.</summary>
internal sealed class Workbench(Budget budget, Dataset data, string outputDirectory) : IDisposable
{
    private const int ValidBatchSize = 512;

    public Budget Budget { get; } = budget;

    /// <summary>All ten classes: experiments 1 and 2.</summary>
    public Dataset Data { get; } = data;

    /// <summary>Classes 0–4: experiment 3's pretraining.</summary>
    public Dataset PretrainData { get; } = data.Classes(0, 5);

    /// <summary>Classes 5–9 relabelled 0–4: experiment 3's fine-tuning.</summary>
    public Dataset TuneData { get; } = data.Classes(5, 10);

    public string OutputDirectory { get; } = outputDirectory;

    public string Output(string fileName) => Path.Combine(OutputDirectory, fileName);

    /// <summary>A fresh <see cref="DemoModel"/> whose weights depend only on <paramref name="seed"/>.</summary>
    public static TorchSharp.Modules.Sequential NewModel(int seed, int classes) => Seeding.Create(seed, () => DemoModel.Create(classes));

    /// <summary>
    /// A learner on <paramref name="on"/> (test images as the validation set) with accuracy, three layer groups, the
    /// batch order of <paramref name="seed"/> and the lane's callbacks; AdamW and the other defaults are the library's.
    /// Batches of <paramref name="batchSize"/> (the budget's by default); <paramref name="dropLast"/> false keeps each
    /// epoch's partial last batch (experiment 7).
    /// </summary>
    public Learner NewLearner(nn.Module<Tensor, Tensor> model, Dataset on, int seed, Lane lane, int? batchSize = null, bool dropLast = true)
    {
        var train = new TensorBatches(on.TrainImages, on.TrainLabels, batchSize ?? Budget.BatchSize, shuffle: true, dropLast: dropLast, seed: seed);
        var valid = new TensorBatches(on.TestImages, on.TestLabels, ValidBatchSize);
        var loss = nn.CrossEntropyLoss();
        var learn = new Learner(model, train, valid, (p, t) => loss.forward(p, t)) { Splitter = Splitters.ByChildren(DemoModel.GroupStarts) };
        learn.Metrics.Add(new Accuracy());
        foreach (var callback in lane.Callbacks())
        {
            learn.Callbacks.Add(callback);
        }
        return learn;
    }

    public void Dispose()
    {
        PretrainData.Dispose();
        TuneData.Dispose();
    }
}
