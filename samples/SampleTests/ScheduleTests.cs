using SchedDsl;
using SchedDsl.Generation;
using Xunit;

namespace SampleTests;

/// <summary>A scheduler declared in the user's project: the generator inside the SchedDsl.Core package fills it in.</summary>
[HyperScheduler]
public sealed partial class WarmupSchedule
{
    public required Sched Lr { get; init; }
}

public sealed class ScheduleTests
{
    [Fact]
    public void One_cycle_from_the_package_matches_the_fastai_seed()
    {
        // fastai docs: fit_one_cycle's lrs are combined_cos(0.25, 1e-2/25, 1e-2, 1e-7) at i/20.
        var lrs = Sched.OneCycle(1e-2).Sample(20);
        Assert.Equal(1e-2 / 25, lrs[0], 1e-15);
        Assert.Equal(1e-2, lrs[5], 1e-15);
    }

    [Fact]
    public void Text_form_round_trips() =>
        Assert.Equal(Sched.Parse("one_cycle(slice(1e-4, 1e-2))"), Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)));

    [Fact]
    public void Generated_scheduler_evaluates_its_hyper_parameters()
    {
        var schedule = new WarmupSchedule { Lr = Sched.Lin(0, 1) };
        Assert.Equal(0.5, schedule.At(0.5).Lr, 1e-15);
    }
}
