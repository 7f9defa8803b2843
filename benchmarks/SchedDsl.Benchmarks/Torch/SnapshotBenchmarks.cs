using BenchmarkDotNet.Attributes;
using SchedDsl.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SchedDsl.Benchmarks.Torch;

/// <summary>LrFind's in-memory snapshot + restore (model and AdamW state) against one training step of the same MLP.</summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup]
public class SnapshotBenchmarks
{
    private Sequential _model = null!;
    private AdamW _optimizer = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(1);
        manual_seed(0);
        _model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10));
        _optimizer = new AdamW(_model.parameters(), lr: 1e-3);
        _x = randn(64, 784);
        _y = randint(0, 10, [64]);
        TrainStep();
    }

    [Benchmark(Baseline = true)]
    public void TrainStep()
    {
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        nn.functional.cross_entropy(_model.call(_x), _y).backward();
        _optimizer.step();
    }

    [Benchmark]
    public void SnapshotAndRestore()
    {
        using var snapshot = TrainingSnapshot.Capture(_model, _optimizer);
        snapshot.Restore();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer.Dispose();
        _model.Dispose();
    }
}
#pragma warning restore CA1001
