// Compiled once the benchmarks project references the generator as an analyzer and defines SCHEDDSL_GENERATOR:
//   <ProjectReference Include="..\..\src\SchedDsl.Generators\SchedDsl.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
//   <DefineConstants>$(DefineConstants);SCHEDDSL_GENERATOR</DefineConstants>
// Without the analyzer the generated members below would not exist, so the guard keeps the project building.
#if SCHEDDSL_GENERATOR
using BenchmarkDotNet.Attributes;
using SchedDsl.Generation;
using TorchSharp.Modules;

namespace SchedDsl.Benchmarks.Generated;

/// <summary>The generated SGD scheduler measured here.</summary>
[OptimizerScheduler(typeof(SGD))]
public sealed partial class BenchSgdSchedule;

/// <summary>
/// Per-batch evaluate-and-apply of lr, momentum and weight decay into two SGD param groups: the generated applier,
/// the same loop written by hand, and fastai's shape (a dictionary of schedules keyed by name, written by a string
/// switch). Each invocation applies <see cref="Batches"/> positions. The SGD instance has empty groups, so no native
/// libtorch is needed: only the options writes are measured, which is all a scheduler does.
/// </summary>
[MemoryDiagnoser]
public class GeneratedSchedulerBenchmarks
{
    private const int Batches = 1000;

    private IScheduleApplier applier = null!;
    private SGD.Options[] options = null!;
    private Sched lr = null!;
    private Sched mom = null!;
    private Sched wd = null!;
    private Dictionary<string, Sched> byName = null!;

    [GlobalSetup]
    public void Setup()
    {
        var groups = new[]
        {
            new SGD.ParamGroup([], new SGD.Options { LearningRate = 1e-3 }),
            new SGD.ParamGroup([], new SGD.Options { LearningRate = 1e-2 }),
        };
        var optimizer = new SGD(groups, 0.1, momentum: 0.9);
        lr = Sched.OneCycle(0.1);
        mom = Sched.OneCycleMomentum();
        wd = Sched.Const(1e-2);
        applier = new BenchSgdSchedule { LearningRate = lr, Momentum = mom, WeightDecay = wd }.Bind(optimizer);
        options = [.. optimizer.ParamGroups.Cast<ParamGroup>().Select(g => (SGD.Options)g.Options)];
        byName = new Dictionary<string, Sched>(StringComparer.Ordinal) { ["lr"] = lr, ["mom"] = mom, ["wd"] = wd };
    }

    /// <summary>The generated applier: each scalar schedule evaluated once per batch, direct field writes.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batches)]
    public void Generated()
    {
        for (var i = 0; i < Batches; i++)
        {
            applier.Apply(Positions.At(i, Batches));
        }
    }

    /// <summary>What one would write by hand: groups cached, each schedule evaluated once per batch.</summary>
    [Benchmark(OperationsPerInvoke = Batches)]
    public void HandWritten()
    {
        for (var i = 0; i < Batches; i++)
        {
            var pos = Positions.At(i, Batches);
            var lrValue = lr.At(pos);
            var momValue = mom.At(pos);
            var wdValue = wd.At(pos);
            foreach (var o in options)
            {
                o.LearningRate = lrValue;
                o.momentum = momValue;
                o.weight_decay = wdValue;
            }
        }
    }

    /// <summary>fastai's shape: hyper-parameters named by strings, looked up per batch.</summary>
    [Benchmark(OperationsPerInvoke = Batches)]
    public void DictionaryOfStrings()
    {
        for (var i = 0; i < Batches; i++)
        {
            var pos = Positions.At(i, Batches);
            foreach (var (name, sched) in byName)
            {
                var value = sched.At(pos);
                foreach (var o in options)
                {
                    Set(o, name, value);
                }
            }
        }
    }

    private static void Set(SGD.Options o, string name, double value)
    {
        switch (name)
        {
            case "lr":
                o.LearningRate = value;
                break;
            case "mom":
                o.momentum = value;
                break;
            case "wd":
                o.weight_decay = value;
                break;
            default:
                throw new ArgumentException($"unknown hyper-parameter '{name}'", nameof(name));
        }
    }
}
#endif
