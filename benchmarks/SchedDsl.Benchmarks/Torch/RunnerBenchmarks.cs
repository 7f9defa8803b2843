using BenchmarkDotNet.Attributes;
using SchedDsl.Torch;
using TorchSharp.Modules;

namespace SchedDsl.Benchmarks.Torch;

/// <summary>
/// The per-batch cost of the runner the Learner uses (<see cref="ScheduleRunner"/> over a <see cref="HyperApplier"/>,
/// recording on) against the loop a careful person writes by hand: param groups cached as typed arrays, per-group
/// peaks cached, the one-cycle shape computed once per batch and scaled per group, values written straight into the
/// group options (AdamW: beta1 alone), arrays held in locals, nothing recorded. Schedules: one-cycle lr as a slice
/// over the groups, one-cycle momentum (beta1 for AdamW). Param groups are empty, so only the option writes are
/// measured, which is all a scheduler does per batch.
/// </summary>
[MemoryDiagnoser]
public class RunnerBenchmarks
{
    private const int Batches = 1000;

    private ScheduleRunner _runner = null!;
    private ScheduleRunner _unrecorded = null!;
    private ScheduleRunner _learners = null!;
    private HyperHistory _learnersHistory = null!;
    private SGD.ParamGroup[] _sgdGroups = [];
    private AdamW.ParamGroup[] _adamGroups = [];
    private double[] _peaks = [];

    /// <summary>Param groups.</summary>
    [Params(1, 3, 10, 100)]
    public int Groups { get; set; }

    /// <summary>The optimizer.</summary>
    [Params("SGD", "AdamW")]
    public string Optimizer { get; set; } = "SGD";

    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.optim.Optimizer optimizer;
        if (Optimizer == "SGD")
        {
            _sgdGroups = [.. Enumerable.Range(0, Groups).Select(_ => new SGD.ParamGroup([], new SGD.Options { LearningRate = 1e-3, momentum = 0.9 }))];
            optimizer = new SGD(_sgdGroups, 1e-3, momentum: 0.9);
        }
        else
        {
            _adamGroups = [.. Enumerable.Range(0, Groups).Select(_ => new AdamW.ParamGroup([], new AdamW.Options { LearningRate = 1e-3 }))];
            optimizer = new AdamW(_adamGroups, 1e-3, beta1: 0.9, beta2: 0.99);
        }
        var lrMax = Groups == 1 ? Hyper.Of(1e-2) : Hyper.Slice(1e-4, 1e-2);
        _peaks = lrMax.ForGroups(Groups);
        _runner = new ScheduleRunner(optimizer, Batches, ScheduleRunner.OneCycle(lrMax));
        _unrecorded = new ScheduleRunner(optimizer, Batches, ScheduleRunner.OneCycle(lrMax), record: false);
        var applier = new HyperApplier(optimizer, ScheduleRunner.OneCycle(lrMax));
        _learnersHistory = new HyperHistory(applier, Batches);
        _learners = new ScheduleRunner(applier, Batches, _learnersHistory);
    }

    /// <summary>
    /// By hand, as one writes lr and momentum lambdas for PyTorch: fastai's one-cycle (cos from lrMax/25 up to lrMax
    /// over 25 %, then down to lrMax/1e5) as a shape scaled by each group's cached peak, and its momentum.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batches)]
    public void HandWritten()
    {
        // Arrays in locals (the JIT then keeps them in registers and checks fewer bounds), and AdamW's beta1 written
        // alone through its typed options rather than the Betas pair: what the runner does, so the baseline does too.
        var (sgdGroups, adamGroups, peaks) = (_sgdGroups, _adamGroups, _peaks);
        for (var i = 0; i < Batches; i++)
        {
            var pos = (double)i / Batches;
            var shape = OneCycleShape(pos);
            var mom = OneCycleMomentum(pos);
            if (sgdGroups.Length > 0)
            {
                for (var g = 0; g < sgdGroups.Length; g++)
                {
                    sgdGroups[g].LearningRate = peaks[g] * shape;
                    sgdGroups[g].Momentum = mom;
                }
            }
            else
            {
                for (var g = 0; g < adamGroups.Length; g++)
                {
                    adamGroups[g].LearningRate = peaks[g] * shape;
                    adamGroups[g].Options.beta1 = mom;
                }
            }
        }
    }

    private static double Cos(double start, double end, double pos) => start + ((1 + Math.Cos(Math.PI * (1 - pos))) * (end - start) / 2);

    private static double OneCycleShape(double pos) =>
        pos < 0.25 ? Cos(1.0 / 25, 1, pos / 0.25) : Cos(1, 1e-5, (pos - 0.25) / 0.75);

    private static double OneCycleMomentum(double pos) =>
        pos < 0.25 ? Cos(0.95, 0.85, pos / 0.25) : Cos(0.85, 0.95, (pos - 0.25) / 0.75);

    /// <summary>The Learner's runner: evaluate, scale, write every group, record.</summary>
    [Benchmark(OperationsPerInvoke = Batches)]
    public void ScheduleRunnerApply()
    {
        for (var i = 0; i < Batches; i++)
        {
            _runner.Apply(i);
        }
    }

    /// <summary>
    /// Exactly what the Learner's loop does per batch: the fit's clock maps the progress to a position, the runner
    /// applies the step at it into the history's frame before the batch, and the loop records the step and advances
    /// the progress after it (fastai's Recorder.after_batch).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batches)]
    public void LearnersLoop()
    {
        var clock = new FitClock(ClockUnit.Batches, Batches, BatchCount: Batches);
        var progress = default(FitProgress);
        for (var i = 0; i < Batches; i++)
        {
            _learners.ApplyAt(i, clock.PositionOf(progress));
            _learnersHistory.Record(i);
            progress = progress.After(rows: 64, tokens: 0, update: true, skipped: false);
        }
    }

    /// <summary>The same runner with recording off: what the history costs.</summary>
    [Benchmark(OperationsPerInvoke = Batches)]
    public void ScheduleRunnerApplyUnrecorded()
    {
        for (var i = 0; i < Batches; i++)
        {
            _unrecorded.Apply(i);
        }
    }
}
