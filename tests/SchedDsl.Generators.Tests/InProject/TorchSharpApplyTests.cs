using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Generators.Tests.InProject;

/// <summary>Generated schedulers drive real TorchSharp optimizers (CPU libtorch).</summary>
public sealed class TorchSharpApplyTests
{
    [Fact]
    public void Sgd_scheduler_writes_lr_and_momentum_into_every_group()
    {
        using var model = nn.Linear(4, 2);
        using var optimizer = optim.SGD(model.parameters(), 0.5, momentum: 0.5);
        var schedule = new SgdSchedule { LearningRate = Sched.Cos(0.1, 0.001), Momentum = Sched.Lin(0.95, 0.85) };
        var applier = schedule.Bind(optimizer);

        applier.Apply(0.5);

        var options = (TorchSharp.Modules.SGD.Options)optimizer.ParamGroups.Cast<TorchSharp.Modules.ParamGroup>().Single().Options;
        Assert.Equal(schedule.LearningRate.At(0.5), optimizer.ParamGroups.Single().LearningRate);
        Assert.Equal(schedule.Momentum.At(0.5), options.momentum);
        Assert.Equal(0.0, options.weight_decay); // not scheduled: left as the optimizer set it
        using var loss = model.call(ones(3, 4)).sum();
        loss.backward();
        optimizer.step(); // the optimizer reads what was written
    }

    [Fact]
    public void AdamW_scheduler_applies_per_group_slices_without_allocating()
    {
        using var first = nn.Linear(4, 4);
        using var second = nn.Linear(4, 2);
        var groups = new[]
        {
            new TorchSharp.Modules.AdamW.ParamGroup(first.parameters(), new TorchSharp.Modules.AdamW.Options { LearningRate = 1e-3 }),
            new TorchSharp.Modules.AdamW.ParamGroup(second.parameters(), new TorchSharp.Modules.AdamW.Options { LearningRate = 1e-3 }),
        };
        using var optimizer = optim.AdamW(groups);
        var schedule = new AdamWSchedule { LearningRate = Sched.OneCycle(Hyper.Slice(1e-2)), Momentum = Sched.OneCycleMomentum(), WeightDecay = Sched.Const(0.01) };
        var applier = schedule.Bind(optimizer);
        applier.Apply(0.0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i <= 1000; i++)
        {
            applier.Apply(i / 1000.0);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        var lrs = optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();
        Assert.Equal(schedule.LearningRate.ForGroups(2)[0].At(1.0), lrs[0]);
        Assert.Equal(schedule.LearningRate.ForGroups(2)[1].At(1.0), lrs[1]);
        Assert.NotEqual(lrs[0], lrs[1]);
        Assert.Equal("lr=" + schedule.LearningRate + "; mom=" + schedule.Momentum + "; wd=" + schedule.WeightDecay, schedule.ToText());
    }
}
