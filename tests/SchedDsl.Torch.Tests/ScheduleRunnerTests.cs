using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

public sealed class ScheduleRunnerTests
{
    private static Parameter[][] ThreeGroups()
    {
        manual_seed(1);
        return [[new Parameter(randn(3))], [new Parameter(randn(2))], [new Parameter(randn(4))]];
    }

    private static SGD Sgd(Parameter[][] groups) =>
        new(groups.Select(g => new SGD.ParamGroup(g, new SGD.Options { LearningRate = 0.1, momentum = 0.9 })).ToArray(), lr: 0.1, momentum: 0.9);

    private static AdamW AdamW(Parameter[][] groups) =>
        new(groups.Select(g => new AdamW.ParamGroup(g, new AdamW.Options { LearningRate = 0.1 })).ToArray(), lr: 0.1, beta1: 0.9, beta2: 0.99);

    private static double[] GroupLrs(optim.Optimizer o) => o.ParamGroups.Select(g => g.LearningRate).ToArray();

    [Fact]
    public void OneCycle_PerGroupLrMax_EveryGroupFollowsItsOwnCycle_NotATriangle()
    {
        using var sgd = Sgd(ThreeGroups());
        const int total = 40;
        var lrMax = Hyper.Of(1e-3, 1e-2, 1e-1);
        var runner = new ScheduleRunner(sgd, total, ScheduleRunner.OneCycle(lrMax));
        var seen = new List<double[]>();
        var moms = new List<double[]>();
        for (var i = 0; i < total; i++)
        {
            runner.Apply(i);
            seen.Add(GroupLrs(sgd));
            moms.Add(sgd.ParamGroups.Cast<SGD.ParamGroup>().Select(g => g.Momentum).ToArray());
        }
        var lrMaxes = new[] { 1e-3, 1e-2, 1e-1 };
        for (var g = 0; g < 3; g++)
        {
            var expected = Sched.OneCycle(lrMaxes[g]).Sample(total);
            Close.Equal(expected, seen.Select(s => s[g]).ToArray());
            Close.Equal(expected, runner.History!.Get(HyperParameter.LearningRate, g));
            // One cycle: rises to the peak at pct_start, then only falls (TorchSharp's OneCycleLR gives later groups a triangle wave).
            var peak = Array.IndexOf(expected, expected.Max());
            Assert.Equal(10, peak);
            for (var i = peak + 1; i < total; i++)
            {
                Assert.True(seen[i][g] < seen[i - 1][g], $"group {g} lr rose at step {i}");
            }
            // Momentum falls while the lr rises, in every group (TorchSharp's CyclicLR moves them together).
            for (var i = 1; i <= peak; i++)
            {
                Assert.True(moms[i][g] < moms[i - 1][g], $"group {g} momentum did not fall at step {i}");
            }
            Close.Equal(Sched.OneCycleMomentum().Sample(total), moms.Select(m => m[g]).ToArray());
        }
    }

    [Fact]
    public void AdamW_MomentumIsBeta1_PerGroup_AndBeta2IsLeftAlone()
    {
        using var adam = AdamW(ThreeGroups());
        var schedules = new Dictionary<HyperParameter, Sched>
        {
            [HyperParameter.Momentum] = Sched.Lin(Hyper.Of(0.9, 0.8, 0.7), 0.5),
            [HyperParameter.WeightDecay] = Sched.Const(Hyper.Of(0, 0.01, 0.1)),
            [HyperParameter.Eps] = Sched.Const(1e-6),
        };
        var runner = new ScheduleRunner(adam, 10, schedules);
        runner.Apply(1);
        var groups = adam.ParamGroups.Cast<AdamW.ParamGroup>().ToArray();
        var starts = new[] { 0.9, 0.8, 0.7 };
        var wds = new[] { 0, 0.01, 0.1 };
        for (var g = 0; g < 3; g++)
        {
            Assert.Equal(starts[g] + ((0.5 - starts[g]) * 0.1), groups[g].Betas.Item1, 12);
            Assert.Equal(0.99, groups[g].Betas.Item2);
            Assert.Equal(wds[g], groups[g].Options.weight_decay);
            Assert.Equal(1e-6, groups[g].Options.eps);
        }
    }

    [Fact]
    public void SquaredMomentum_OnSgd_IsRecordedNotWritten()
    {
        using var sgd = Sgd(ThreeGroups());
        var runner = new ScheduleRunner(sgd, 10, new Dictionary<HyperParameter, Sched> { [HyperParameter.SquaredMomentum] = Sched.Lin(0.9, 0.99) });
        runner.Apply(5);
        var why = ((HyperApplier)runner.Applier).NotApplied[HyperParameter.SquaredMomentum];
        Assert.Contains("SGD", why, StringComparison.Ordinal);
        Assert.Contains("sqr_mom", why, StringComparison.Ordinal);
        Assert.Equal([HyperParameter.SquaredMomentum], runner.History!.NotApplied);
        // Lin(0.9, 0.99) at 5/10 is 0.945: the schedule's own value, recorded as fastai records it.
        Assert.Equal(0.945, runner.History.Get(HyperParameter.SquaredMomentum, 2)[0], 12);
    }

    [Fact]
    public void PerGroupCountMismatch_NamesBothCounts()
    {
        using var sgd = Sgd(ThreeGroups());
        var e = Assert.Throws<ArgumentException>(() =>
            new ScheduleRunner(sgd, 10, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Sched.Const(Hyper.Of(1, 2)) }));
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
        Assert.Contains("2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(29)]
    [InlineData(30)]
    public void Resume_AtAnyStep_AppliesTheSameValuesAsOneRun(int split)
    {
        const int total = 30;
        var schedules = ScheduleRunner.OneCycle(Hyper.Slice(1e-4, 1e-2));
        using var one = Sgd(ThreeGroups());
        var straight = new ScheduleRunner(one, total, schedules);
        var expected = new List<double[]>();
        for (var i = 0; i < total; i++)
        {
            straight.Apply(i);
            expected.Add(GroupLrs(one));
        }

        // The runner keeps no step: a new runner (a new process, after a checkpoint) applies the saved step and goes on.
        using var two = Sgd(ThreeGroups());
        var first = new ScheduleRunner(two, total, schedules);
        var actual = new List<double[]>();
        for (var i = 0; i < split; i++)
        {
            first.Apply(i);
            actual.Add(GroupLrs(two));
        }
        var resumed = new ScheduleRunner(two, total, schedules);
        for (var i = split; i < total; i++)
        {
            resumed.Apply(i);
            actual.Add(GroupLrs(two));
        }
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < total; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Apply_AtTotalSteps_WritesPositionOne_AsPyTorchDoesAfterItsLastStep()
    {
        using var sgd = Sgd(ThreeGroups());
        var runner = new ScheduleRunner(sgd, 8, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Sched.Cos(0.1, 0.001) });
        runner.Apply(8);
        Assert.All(GroupLrs(sgd), lr => Assert.Equal(0.001, lr, 15));
    }

    [Fact]
    public void Recording_IsSizedOnce_AndAScalarHyperIsStoredOnceForEveryGroup()
    {
        using var sgd = Sgd(ThreeGroups());
        var runner = new ScheduleRunner(sgd, 50, ScheduleRunner.OneCycle(Hyper.Slice(1e-3, 1e-1)));
        runner.Apply(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < 50; i++)
        {
            runner.Apply(i);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        var history = runner.History!;
        Assert.Equal(50, history.Count);
        Close.Equal(Sched.OneCycleMomentum().Sample(50), history.Get(HyperParameter.Momentum, 0));
        Close.Equal(Sched.OneCycleMomentum().Sample(50), history.Get(HyperParameter.Momentum, 2));
    }

    [Fact]
    public void Recording_CanBeTurnedOff()
    {
        using var sgd = Sgd(ThreeGroups());
        var runner = new ScheduleRunner(sgd, 10, ScheduleRunner.OneCycle(1e-2), record: false);
        runner.Apply(3);
        Assert.Null(runner.History);
        Assert.Equal(Sched.OneCycle(1e-2).At(0.3), runner.Values![HyperParameter.LearningRate, 1], 15);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("rmsprop")]
    public void Momentum_OnAnOptimizerCreatedWithoutIt_IsRecordedNotSwitchedOn(string kind)
    {
        manual_seed(1);
        Parameter[] parameters = [new Parameter(randn(3))];
        using optim.Optimizer optimizer = kind == "sgd" ? new SGD(parameters, lr: 0.1) : new RMSProp(parameters, lr: 0.1);
        var runner = new ScheduleRunner(optimizer, 10, ScheduleRunner.OneCycle(1e-2));
        for (var step = 0; step < 10; step++)
        {
            runner.Apply(step);
        }
        Assert.Contains("created without momentum", ((HyperApplier)runner.Applier).NotApplied[HyperParameter.Momentum], StringComparison.Ordinal);
        Assert.Equal([HyperParameter.Momentum], runner.History!.NotApplied);
        Close.Equal(Sched.OneCycleMomentum().Sample(10), runner.History.Get(HyperParameter.Momentum, 0));
        Assert.Equal(0.0, ((optim.IMomentum)optimizer.ParamGroups.Single()).Momentum);
        Assert.Equal(Sched.OneCycle(1e-2).At(0.9), optimizer.ParamGroups.Single().LearningRate, 15);
    }

    [Fact]
    public void Get_OfAHyperParameterNotScheduled_SaysWhatWas()
    {
        using var sgd = Sgd(ThreeGroups());
        var runner = new ScheduleRunner(sgd, 10, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Sched.Const(0.1) });
        runner.Apply(0);
        var e = Assert.Throws<ArgumentException>(() => runner.History!.Get(HyperParameter.Momentum));
        Assert.StartsWith("mom was not scheduled, so there are no values of it; scheduled: lr", e.Message, StringComparison.Ordinal);
        Assert.False(runner.History!.Contains(HyperParameter.Momentum));
    }

    [Fact]
    public void TotalSteps_AndStep_AreValidated()
    {
        using var sgd = Sgd(ThreeGroups());
        var schedules = ScheduleRunner.OneCycle(1e-2);
        Assert.Contains("totalSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleRunner(sgd, 0, schedules)).Message, StringComparison.Ordinal);
        var runner = new ScheduleRunner(sgd, 5, schedules);
        Assert.Contains("[0, 5]", Assert.Throws<ArgumentOutOfRangeException>(() => runner.Apply(6)).Message, StringComparison.Ordinal);
        Assert.Contains("[0, 5]", Assert.Throws<ArgumentOutOfRangeException>(() => runner.Apply(-1)).Message, StringComparison.Ordinal);
    }
}
