using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.optim.lr_scheduler;

namespace SchedDsl.Torch.Tests;

/// <summary><see cref="SchedLrScheduler"/> against a real SGD, stepped as code written for <c>torch.optim.lr_scheduler</c> steps it.</summary>
public sealed class SchedLrSchedulerTests
{
    private const int Total = 40;

    private static SGD ThreeGroupSgd()
    {
        manual_seed(1);
        Parameter[][] groups = [[new Parameter(randn(3))], [new Parameter(randn(2))], [new Parameter(randn(4))]];
        return new SGD(groups.Select(g => new SGD.ParamGroup(g, new SGD.Options { LearningRate = 0.5, momentum = 0.9 })).ToArray(), lr: 0.5, momentum: 0.9);
    }

    private static double[] Lrs(optim.Optimizer optimizer) => optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

    /// <summary>The lr of every group before each of <see cref="Total"/> training steps, then after the last <c>scheduler.step()</c>.</summary>
    private static (List<double[]> Seen, double[] After) Train(optim.Optimizer optimizer, LRScheduler scheduler)
    {
        var seen = new List<double[]>();
        for (var i = 0; i < Total; i++)
        {
            seen.Add(Lrs(optimizer));
            optimizer.zero_grad();
            optimizer.parameters().Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b).backward();
            optimizer.step();
            scheduler.step();
        }
        return (seen, Lrs(optimizer));
    }

    [Fact]
    public void ScalarSchedule_StepI_TrainsWithAtIOverTotal_AndEndsAtAt1()
    {
        using var sgd = ThreeGroupSgd();
        var lr = Sched.OneCycle(0.1);
        LRScheduler scheduler = new SchedLrScheduler(sgd, lr, Total);
        var (seen, after) = Train(sgd, scheduler);
        for (var i = 0; i < Total; i++)
        {
            Close.Equal([.. Enumerable.Repeat(lr.At((double)i / Total), 3)], seen[i]);
        }
        Close.Equal([lr.At(1), lr.At(1), lr.At(1)], after);
        Close.Equal(after, scheduler.get_last_lr().ToList());
    }

    [Fact]
    public void PerGroupSchedule_EachParamGroupFollowsItsOwnGroupSchedule()
    {
        using var sgd = ThreeGroupSgd();
        var lr = Sched.OneCycle(Hyper.Slice(1e-3, 1e-1));
        var scheduler = new SchedLrScheduler(sgd, lr, Total);
        var (seen, after) = Train(sgd, scheduler);
        var groups = lr.ForGroups(3);
        for (var i = 0; i < Total; i++)
        {
            Close.Equal(groups.Select(s => s.At((double)i / Total)).ToArray(), seen[i]);
        }
        Close.Equal(groups.Select(s => s.At(1)).ToArray(), after);
        Assert.True(seen[10][2] > seen[10][1] && seen[10][1] > seen[10][0], "slice(1e-3, 1e-1) rises from the first group to the last");
    }

    [Fact]
    public void StepPastTheEnd_Throws_AndChangesNothing()
    {
        using var sgd = ThreeGroupSgd();
        var scheduler = new SchedLrScheduler(sgd, Sched.Cos(0.1, 0.01), Total);
        Train(sgd, scheduler);
        var e = Assert.Throws<InvalidOperationException>(() => scheduler.step());
        Assert.Contains($"step {Total + 1} is past the schedule's end", e.Message, StringComparison.Ordinal);
        Assert.Equal(Total, scheduler.StepIndex);
        Close.Equal([0.01, 0.01, 0.01], Lrs(sgd));
    }

    [Fact]
    public void StepWithAnIndex_JumpsThere_AndContinuesFromIt_AsAResume()
    {
        using var sgd = ThreeGroupSgd();
        var lr = Sched.FlatCos(0.1);
        var scheduler = new SchedLrScheduler(sgd, lr, Total);
        scheduler.step(25);
        Close.Equal([.. Enumerable.Repeat(lr.At(25.0 / Total), 3)], Lrs(sgd));
        scheduler.step();
        Assert.Equal(26, scheduler.StepIndex);
        Close.Equal([.. Enumerable.Repeat(lr.At(26.0 / Total), 3)], Lrs(sgd));
    }

    [Fact]
    public void Construction_AppliesStep0_AndChecksItsArguments()
    {
        using var sgd = ThreeGroupSgd();
        var scheduler = new SchedLrScheduler(sgd, Sched.Lin(0.2, 0), Total);
        Assert.Equal(0, scheduler.StepIndex);
        Close.Equal([0.2, 0.2, 0.2], Lrs(sgd));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SchedLrScheduler(sgd, Sched.Lin(0.2, 0), 0));
        var e = Assert.ThrowsAny<ArgumentException>(() => new SchedLrScheduler(sgd, Sched.Const(Hyper.Of(0.1, 0.2)), Total));
        Assert.Contains("has 2 values but there are 3 parameter groups", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.step(-1));
    }
}
