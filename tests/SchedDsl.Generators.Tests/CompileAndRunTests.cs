using SchedDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace SchedDsl.Generators.Tests;

/// <summary>
/// Compiles user code with the generator (warnings as errors) and runs it. The user code checks the generated
/// wiring against direct calls to the same schedules, so equality there is exact: both sides run the same arithmetic.
/// </summary>
public sealed class CompileAndRunTests
{
    [Fact]
    public void Declared_scheduler_evaluates_validates_and_prints()
    {
        const string program = """
            using System;
            using SchedDsl;
            using My.App;

            public static class Program
            {
                public static string Run()
                {
                    var s = new TrainingSchedule { LearningRate = Sched.Cos(0.1, 0.01), Momentum = Sched.Lin(0.95, 0.85) };
                    var v = s.At(0.5);
                    if (v.LearningRate != Sched.Cos(0.1, 0.01).At(0.5)) return "lr " + v.LearningRate;
                    if (v.Momentum != Sched.Lin(0.95, 0.85).At(0.5)) return "mom " + v.Momentum;
                    if (v.Beta2 is not null) return "beta2 set";
                    var expected = "lr=" + s.LearningRate + "; mom=" + s.Momentum;
                    if (s.ToText() != expected) return "text " + s.ToText();
                    if (string.Join(",", s.Names) != "lr,mom,sqr_mom") return "names";
                    s.Validate(3);
                    try
                    {
                        new TrainingSchedule { LearningRate = null! }.Validate(1);
                        return "missing lr accepted";
                    }
                    catch (ArgumentException e) when (e.Message.Contains("'lr'")) { }
                    var perGroup = s with { Momentum = Sched.Lin(Hyper.Of(0.9, 0.8), 0.85) };
                    if (!perGroup.IsPerGroup) return "per group";
                    if (perGroup.At(0, 1, 2).Momentum != 0.8) return "group value " + perGroup.At(0, 1, 2).Momentum;
                    try
                    {
                        perGroup.Validate(3);
                        return "length mismatch accepted";
                    }
                    catch (ArgumentException e) when (e.Message.Contains("'mom'")) { }
                    return "ok";
                }
            }
            """;
        var run = GeneratorHarness.Run(Sources.DeclaredScheduler, program);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal("ok", CompiledCode.Run(run.Output));
    }

    [Fact]
    public void User_optimizer_scheduler_applies_per_group_values_without_allocating()
    {
        const string program = """
            using System;
            using SchedDsl;
            using My.App;
            using My.Optim;

            public static class Program
            {
                public static string Run()
                {
                    var optimizer = new Lion(3);
                    optimizer.Group(0).weight_decay = 0.25;
                    var s = new LionSchedule { LearningRate = Sched.Cos(Hyper.Slice(0.01), 0.0), Momentum = Sched.Const(0.9) };
                    SchedDsl.Generation.IScheduleApplier applier = s.Bind(optimizer);
                    if (applier.GroupCount != 3) return "groups " + applier.GroupCount;
                    applier.Apply(0.0);
                    for (var g = 0; g < 3; g++)
                    {
                        var expected = s.LearningRate.ForGroups(3)[g].At(0.0);
                        if (optimizer.Group(g).LearningRate != expected) return $"lr[{g}] {optimizer.Group(g).LearningRate} != {expected}";
                        if (optimizer.Group(g).beta1 != 0.9) return "mom";
                    }
                    if (optimizer.Group(0).weight_decay != 0.25) return "unscheduled wd changed";
                    if (optimizer.Group(1).beta2 is not null) return "unscheduled sqr_mom set";
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    for (var i = 0; i <= 1000; i++)
                    {
                        applier.Apply(i / 1000.0);
                    }
                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    if (allocated != 0) return "allocated " + allocated;
                    if (optimizer.Group(2).LearningRate != 0.0) return "end lr " + optimizer.Group(2).LearningRate;
                    try
                    {
                        new LionSchedule { WeightDecay = Sched.Const(Hyper.Of(0.1, 0.2)) }.Bind(optimizer);
                        return "bad group count accepted";
                    }
                    catch (ArgumentException e) when (e.Message.Contains("'wd'")) { }
                    return "ok";
                }
            }
            """;
        var run = GeneratorHarness.Run(Sources.UserOptimizer, Sources.LionScheduler, program);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal("ok", CompiledCode.Run(run.Output));
    }
}
