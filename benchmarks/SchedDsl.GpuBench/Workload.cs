using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SchedDsl.GpuBench;

/// <summary>
/// A model, one fixed batch on the device and AdamW with six param groups (three layer groups × decay/no-decay, as a
/// <c>Learner</c> with three layer groups creates them), plus the per-round iteration counts.
/// </summary>
internal sealed class Workload : IDisposable
{
    private Workload(string name, string shape, nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int warmup, int iterations)
    {
        Name = name;
        Shape = shape;
        Model = model;
        X = x;
        Y = y;
        Warmup = warmup;
        Iterations = iterations;
        var parameters = model.parameters().ToList();
        var third = (parameters.Count + 2) / 3;
        var groups = parameters.Select((p, i) => (p, i)).GroupBy(t => (Layer: t.i / third, Decay: t.p.dim() > 1))
            .Select(g => new AdamW.ParamGroup(g.Select(t => t.p), new AdamW.Options { LearningRate = 1e-3, weight_decay = g.Key.Decay ? 0.01 : 0 }))
            .ToArray();
        Optimizer = new AdamW(groups, lr: 1e-3, beta1: 0.9, beta2: 0.99, weight_decay: 0.01);
    }

    public string Name { get; }

    public string Shape { get; }

    public nn.Module<Tensor, Tensor> Model { get; }

    public Tensor X { get; }

    public Tensor Y { get; }

    public AdamW Optimizer { get; }

    public int Warmup { get; }

    public int Iterations { get; }

    public int GroupCount => Optimizer.ParamGroups.Count();

    /// <summary>784-256-256-10, batch 64: a few µs of arithmetic per kernel, so a GPU step is launch-bound.</summary>
    public static Workload Mlp(Device device, double scale)
    {
        manual_seed(0);
        var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10));
        model.to(device);
        var cuda = device.type == DeviceType.CUDA;
        return new Workload("MLP", "784-256-256-10, batch 64", model, randn(64, 784, device: device), randint(0, 10, [64], device: device),
            Count(cuda ? 200 : 50, scale), Count(cuda ? 500 : 200, scale));
    }

    /// <summary>
    /// On CUDA a compute-bound CNN: 3×64×64 images, batch 128, conv 64-128-256-256 with BatchNorm (≈150 GFLOP per step).
    /// On the CPU a small one (the demo's 1×28×28, batch 32, 16-32-64), so the CPU run ends in a minute.
    /// </summary>
    public static Workload Cnn(Device device, double scale)
    {
        manual_seed(0);
        var cuda = device.type == DeviceType.CUDA;
        int[] widths = cuda ? [64, 128, 256, 256] : [16, 32, 64];
        var (channels, size, batch) = cuda ? (3, 64, 128) : (1, 28, 32);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var inputs = channels;
        for (var i = 0; i < widths.Length; i++)
        {
            var stride = cuda && i == 0 ? 1 : 2;
            layers.Add(($"conv{i}", nn.Conv2d(inputs, widths[i], 3, stride: stride, padding: 1, bias: false)));
            layers.Add(($"bn{i}", nn.BatchNorm2d(widths[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            inputs = widths[i];
        }
        layers.Add(("pool", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flat", nn.Flatten()));
        layers.Add(("head", nn.Linear(inputs, 10)));
        var model = nn.Sequential(layers);
        model.to(device);
        var shape = $"{channels}×{size}×{size}, batch {batch}, conv {string.Join('-', widths)} + BN";
        return new Workload("CNN", shape, model, randn(batch, channels, size, size, device: device), randint(0, 10, [batch], device: device),
            Count(cuda ? 20 : 10, scale), Count(cuda ? 50 : 30, scale));
    }

    /// <summary>One training step: zero_grad, forward, cross-entropy, backward, AdamW step. Returns the loss (still on the device).</summary>
    public Tensor Step()
    {
        Optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(Model.call(X), Y);
        loss.backward();
        Optimizer.step();
        return loss;
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
        X.Dispose();
        Y.Dispose();
    }

    private static int Count(int n, double scale) => Math.Max(1, (int)Math.Round(n * scale));
}
