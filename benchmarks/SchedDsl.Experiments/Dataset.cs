using SchedDsl.Torch;
using static TorchSharp.torch;

namespace SchedDsl.Experiments;

/// <summary>Training and test images with their labels, on the CPU; owns its tensors.</summary>
internal sealed class Dataset(Tensor trainImages, Tensor trainLabels, Tensor testImages, Tensor testLabels) : IDisposable
{
    public Tensor TrainImages { get; } = trainImages;

    public Tensor TrainLabels { get; } = trainLabels;

    public Tensor TestImages { get; } = testImages;

    public Tensor TestLabels { get; } = testLabels;

    public long TrainCount => TrainImages.shape[0];

    public long TestCount => TestImages.shape[0];

    /// <summary>The first images of Fashion-MNIST's two files, as the budget says.</summary>
    public static Dataset Load(Budget budget)
    {
        var (trainX, trainY) = IdxDatasets.LoadFashionMnist(train: true, budget.TrainImages);
        var (testX, testY) = IdxDatasets.LoadFashionMnist(train: false, budget.TestImages);
        return new Dataset(trainX, trainY, testX, testY);
    }

    /// <summary>The rows whose label is in [<paramref name="from"/>, <paramref name="to"/>), labels shifted down by <paramref name="from"/>.</summary>
    public Dataset Classes(int from, int to)
    {
        var (trainX, trainY) = Select(TrainImages, TrainLabels, from, to);
        var (testX, testY) = Select(TestImages, TestLabels, from, to);
        return new Dataset(trainX, trainY, testX, testY);
    }

    private static (Tensor Images, Tensor Labels) Select(Tensor images, Tensor labels, int from, int to)
    {
        using var scope = NewDisposeScope();
        var index = labels.ge(from).logical_and(labels.lt(to)).nonzero().squeeze(1);
        return (images.index_select(0, index).MoveToOuterDisposeScope(), (labels.index_select(0, index) - from).MoveToOuterDisposeScope());
    }

    public void Dispose()
    {
        TrainImages.Dispose();
        TrainLabels.Dispose();
        TestImages.Dispose();
        TestLabels.Dispose();
    }
}
