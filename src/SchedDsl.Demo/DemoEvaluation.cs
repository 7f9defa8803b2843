using static TorchSharp.torch;

namespace SchedDsl.Demo;

internal static class DemoEvaluation
{
    /// <summary>Accuracy of <paramref name="model"/> on the images and labels (already on the model's device); one host sync at the end.</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, int batchSize = 512)
    {
        var wasTraining = model.training;
        model.eval();
        using var noGrad = no_grad();
        using var correct = zeros(1, ScalarType.Int64, images.device).DetachFromDisposeScope();
        var n = images.shape[0];
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, n - start);
            var prediction = model.call(images.narrow(0, start, length));
            correct.add_(prediction.argmax(-1).eq(labels.narrow(0, start, length)).sum());
        }
        model.train(wasTraining);
        return n == 0 ? double.NaN : (double)correct.item<long>() / n;
    }

    /// <summary>The rows whose label is in [<paramref name="from"/>, <paramref name="to"/>), labels shifted down by <paramref name="from"/>.</summary>
    public static (Tensor Images, Tensor Labels) Classes(Tensor images, Tensor labels, int from, int to)
    {
        using var scope = NewDisposeScope();
        var mask = labels.ge(from).logical_and(labels.lt(to));
        var index = mask.nonzero().squeeze(1);
        return (images.index_select(0, index).MoveToOuterDisposeScope(), (labels.index_select(0, index) - from).MoveToOuterDisposeScope());
    }
}
