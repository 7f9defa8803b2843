using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace SchedDsl.Benchmarks.Core;

/// <summary>
/// A schedule evaluated at every position of a 1000-step grid in one loop (a training run's lr curve), against the
/// strictest baseline a careful person writes: a static function of the same formula, which the JIT can inline into
/// the loop. A cached delegate of the same function is shown too. Ratios are per category (cos, one-cycle).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TightLoopBenchmarks
{
    private const int Steps = 1000;
    private const double LrMax = 1e-2;

    private readonly Func<double, double> cosDelegate = CosFormula;
    private readonly Func<double, double> oneCycleDelegate = OneCycleFormula;

    // The grid's length as a training loop has it: a variable, the same in every row.
    private readonly int steps = Steps;

    private readonly Sched cos = Sched.Cos(1e-2, 1e-5);
    private readonly Sched oneCycle = Sched.OneCycle(LrMax);

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps, Description = "static function")]
    [BenchmarkCategory("cos")]
    public double CosStatic()
    {
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            sum += CosFormula((double)i / steps);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Steps, Description = "cached delegate")]
    [BenchmarkCategory("cos")]
    public double CosDelegateLoop() => Loop(cosDelegate);

    [Benchmark(OperationsPerInvoke = Steps, Description = "Sched.At")]
    [BenchmarkCategory("cos")]
    public double CosSched() => Loop(cos);

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps, Description = "static function")]
    [BenchmarkCategory("one-cycle")]
    public double OneCycleStatic()
    {
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            sum += OneCycleFormula((double)i / steps);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Steps, Description = "cached delegate")]
    [BenchmarkCategory("one-cycle")]
    public double OneCycleDelegateLoop() => Loop(oneCycleDelegate);

    [Benchmark(OperationsPerInvoke = Steps, Description = "Sched.At")]
    [BenchmarkCategory("one-cycle")]
    public double OneCycleSched() => Loop(oneCycle);

    private double Loop(Func<double, double> f)
    {
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            sum += f((double)i / steps);
        }
        return sum;
    }

    private double Loop(Sched sched)
    {
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            sum += sched.At((double)i / steps);
        }
        return sum;
    }

    private static double Cos(double start, double end, double pos) =>
        start + ((1 + Math.Cos(Math.PI * (1 - pos))) * (end - start) / 2);

    private static double CosFormula(double pos) => Cos(1e-2, 1e-5, pos);

    // fastai's one-cycle: cos from LrMax/25 up to LrMax over the first 25 %, then down to LrMax/1e5.
    private static double OneCycleFormula(double pos) =>
        pos < 0.25 ? Cos(LrMax / 25, LrMax, pos / 0.25) : Cos(LrMax, LrMax / 1e5, (pos - 0.25) / 0.75);
}
