using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Gpu.Tests;

/// <summary>Models and data on a device for the device tests.</summary>
internal static class Models
{
    /// <summary>An 8-16-16-1 MLP on <paramref name="device"/> and AdamW with one param group per parameter (six groups).</summary>
    public static (Sequential Model, AdamW Optimizer) MlpWithSixGroups(Device device, int seed = 0)
    {
        manual_seed(seed);
        var model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1));
        model.to(device);
        var groups = model.parameters().Select(p => new AdamW.ParamGroup([p], new AdamW.Options { LearningRate = 1e-3 })).ToArray();
        return (model, new AdamW(groups, lr: 1e-3, beta1: 0.9, beta2: 0.99));
    }

    /// <summary>y = 2·sum(x) + 3 + noise, <paramref name="rows"/> rows of <paramref name="features"/> on <paramref name="device"/>.</summary>
    public static (Tensor X, Tensor Y) Regression(Device device, int rows, int features, int seed = 0)
    {
        manual_seed(seed);
        var x = randn(rows, features);
        var y = (2 * x.sum(1, keepdim: true)) + 3 + (0.1 * randn(rows, 1));
        return (x.to(device), y.to(device));
    }

    /// <summary>
    /// The CPU tests' 3-layer-group MLP learner (<c>Synth.MlpLearner</c>) with its model moved to <paramref name="device"/>
    /// before the optimizer exists; the batches stay on the CPU, so the learner moves each one.
    /// </summary>
    public static Learner MlpLearner(Device device, int nTrain = 10)
    {
        var learn = Synth.MlpLearner(nTrain: nTrain);
        learn.Model.to(device);
        return learn;
    }

    /// <summary>The same MLP learner with its data already on <paramref name="device"/> (shuffled there: the index tensor is created on the device).</summary>
    public static Learner MlpLearnerWithDeviceData(Device device)
    {
        var (x, y) = Regression(device, 160, 4, seed: 1);
        var (vx, vy) = Regression(device, 32, 4, seed: 2);
        var learn = new Learner(Synth.MlpLearner().Model, new TensorBatches(x, y, 16, shuffle: true), new TensorBatches(vx, vy, 16),
            (p, t) => nn.functional.mse_loss(p, t))
        { Splitter = Splitters.ByChildren(3, 5), Lr = 1e-2 };
        learn.Model.to(device);
        return learn;
    }
}
