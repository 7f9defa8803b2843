using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace SchedDsl.Benchmarks.Core;

/// <summary>
/// One schedule evaluation per call, over a 1000-step grid: our values against a hand-written lambda of the same
/// formula (the baseline) and against TorchSharp's stateful OneCycleLR stepping a dummy optimizer.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private const int Steps = 1000;
    private const double LrMax = 1e-2;

    private readonly Sched cos = Sched.Cos(1e-2, 1e-5);
    private readonly Sched oneCycle = Sched.OneCycle(LrMax);
    private readonly Sched[] groups = [.. Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)).ForGroups(3)];
    private readonly SchedGroups schedGroups = Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)).ForGroups(3);
    private readonly double[] groupValues = new double[3];

    private readonly Func<double, double> cosLambda = pos => 1e-2 + ((1 + Math.Cos(Math.PI * (1 - pos))) * (1e-5 - 1e-2) / 2);

    private readonly Func<double, double> oneCycleLambda = pos =>
    {
        const double start = LrMax / 25, end = LrMax / 1e5, pct = 0.25;
        return pos < pct
            ? start + ((1 + Math.Cos(Math.PI * (1 - (pos / pct)))) * (LrMax - start) / 2)
            : LrMax + ((1 + Math.Cos(Math.PI * (1 - ((pos - pct) / (1 - pct))))) * (end - LrMax) / 2);
    };

    private readonly double[] groupPeaks = Discriminative.EvenMults(1e-4, 1e-2, 3);

    private int step;
    private optim.Optimizer? optimizer;
    private optim.lr_scheduler.LRScheduler? torchOneCycle;

    [GlobalSetup(Targets = [nameof(TorchSharpOneCycleLR)])]
    public void SetupTorch()
    {
        var weight = nn.Parameter(zeros(1));
        optimizer = optim.SGD([weight], LrMax);
        torchOneCycle = optim.lr_scheduler.OneCycleLR(optimizer, LrMax, total_steps: int.MaxValue / 2);
    }

    private double NextPos()
    {
        step = step == Steps - 1 ? 0 : step + 1;
        return (double)step / Steps;
    }

    [Benchmark(Baseline = true, Description = "cos: hand-written lambda")]
    public double CosLambda() => cosLambda(NextPos());

    [Benchmark(Description = "cos: Sched.Cos")]
    public double CosSched() => cos.At(NextPos());

    [Benchmark(Description = "one-cycle: hand-written lambda")]
    public double OneCycleLambda() => oneCycleLambda(NextPos());

    [Benchmark(Description = "one-cycle: Sched.OneCycle")]
    public double OneCycleSched() => oneCycle.At(NextPos());

    [Benchmark(Description = "3-group one-cycle: hand-written lambda")]
    public double GroupsLambda()
    {
        var pos = NextPos();
        var sum = 0.0;
        foreach (var peak in groupPeaks)
        {
            const double pct = 0.25;
            var start = peak / 25;
            var end = peak / 1e5;
            sum += pos < pct
                ? start + ((1 + Math.Cos(Math.PI * (1 - (pos / pct)))) * (peak - start) / 2)
                : peak + ((1 + Math.Cos(Math.PI * (1 - ((pos - pct) / (1 - pct))))) * (end - peak) / 2);
        }
        return sum;
    }

    [Benchmark(Description = "3-group one-cycle: loop over ForGroups")]
    public double GroupsSched()
    {
        var pos = NextPos();
        var sum = 0.0;
        foreach (var sched in groups)
        {
            sum += sched.At(pos);
        }
        return sum;
    }

    [Benchmark(Description = "3-group one-cycle: SchedGroups.At")]
    public double GroupsShared()
    {
        schedGroups.At(NextPos(), groupValues);
        return groupValues[0] + groupValues[1] + groupValues[2];
    }

    [Benchmark(Description = "one-cycle: TorchSharp OneCycleLR.step()")]
    public void TorchSharpOneCycleLR() => torchOneCycle!.step();
}
