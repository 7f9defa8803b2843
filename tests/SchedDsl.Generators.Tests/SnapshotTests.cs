using SchedDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace SchedDsl.Generators.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public void Declared_scheduler()
    {
        var run = GeneratorHarness.Run(Sources.DeclaredScheduler);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshot.Match(run.Source("My.App.TrainingSchedule.SchedDsl.g.cs"), "DeclaredScheduler");
    }

    [Fact]
    public void User_optimizer_scheduler()
    {
        var run = GeneratorHarness.Run(Sources.UserOptimizer, Sources.LionScheduler);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshot.Match(run.Source("My.App.LionSchedule.SchedDsl.g.cs"), "LionScheduler");
    }

    [Fact]
    public void TorchSharp_sgd_scheduler_nested_in_a_static_class()
    {
        var run = GeneratorHarness.Run(Sources.SgdScheduler);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshot.Match(run.Source("My.App.Schedules.Sgd.SchedDsl.g.cs"), "SgdScheduler");
    }
}
