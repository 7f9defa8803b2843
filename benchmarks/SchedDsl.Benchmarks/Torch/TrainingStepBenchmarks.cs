using BenchmarkDotNet.Attributes;
using SchedDsl.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SchedDsl.Benchmarks.Torch;

/// <summary>
/// One small-MLP training step (AdamW, batch 64, 784-256-256-10, CPU): bare, with our ScheduleRunner applying
/// one-cycle lr + momentum to 6 param groups and recording them, and with TorchSharp's own OneCycleLR.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup]
public class TrainingStepBenchmarks
{
    private const int Total = 10_000;
    private Sequential _model = null!;
    private AdamW _optimizer = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;
    private ScheduleRunner _runner = null!;
    private int _step;
    private optim.lr_scheduler.LRScheduler _torchSharp = null!;
    private int _torchSharpSteps;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(1);
        manual_seed(0);
        _model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10));
        // Six param groups: weights and biases of each linear layer, as a Learner with 3 layer groups creates them.
        var groups = _model.parameters().Select(p => new AdamW.ParamGroup([p], new AdamW.Options { LearningRate = 1e-3 })).ToArray();
        _optimizer = new AdamW(groups, lr: 1e-3, beta1: 0.9, beta2: 0.99);
        _x = randn(64, 784);
        _y = randint(0, 10, [64]);
        _runner = NewRunner();
        _torchSharp = optim.lr_scheduler.OneCycleLR(_optimizer, 1e-2, total_steps: Total + 1);
    }

    private ScheduleRunner NewRunner() => new(_optimizer, Total, ScheduleRunner.OneCycle(Hyper.Slice(1e-4, 1e-2)));

    private int NextStep() => _step = (_step + 1) % Total;

    private void TrainStep()
    {
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.call(_x), _y);
        loss.backward();
        _optimizer.step();
    }

    [Benchmark(Baseline = true)]
    public void Bare() => TrainStep();

    [Benchmark]
    public void WithScheduleRunner()
    {
        _runner.Apply(NextStep());
        TrainStep();
    }

    [Benchmark]
    public void WithTorchSharpOneCycleLR()
    {
        TrainStep();
        if (++_torchSharpSteps >= Total)
        {
            _torchSharpSteps = 0;
            _torchSharp = optim.lr_scheduler.OneCycleLR(_optimizer, 1e-2, total_steps: Total + 1);
        }
        _torchSharp.step();
    }

    /// <summary>The adapter alone (no training step): what WithScheduleRunner adds.</summary>
    [Benchmark]
    public void ScheduleRunnerStepOnly()
    {
        _runner.Apply(NextStep());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer.Dispose();
        _model.Dispose();
    }
}
#pragma warning restore CA1001
