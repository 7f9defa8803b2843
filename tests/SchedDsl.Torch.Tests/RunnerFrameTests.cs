using TorchSharp.Modules;
using Xunit;
using static SchedDsl.Torch.HyperParameter;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// The runner evaluates a step straight into the history's frame and reads the optimizer's values and
/// <see cref="HyperValues"/> from it: every value must still be its layer group's own <c>Sched.At</c>, bit for bit,
/// recording or not.
/// </summary>
public sealed class RunnerFrameTests
{
    private const int Total = 24;

    private static readonly Dictionary<HyperParameter, Sched> Schedules = new()
    {
        [LearningRate] = Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)),
        [Momentum] = Sched.OneCycleMomentum(),
        [SquaredMomentum] = Sched.Lin(Hyper.Of(0.99, 0.98, 0.97), 0.999),
        [WeightDecay] = Sched.Cos(0.01, 0.001),
    };

    private static AdamW AdamW()
    {
        manual_seed(1);
        return new AdamW(
            [.. Enumerable.Range(0, 3).Select(_ => new AdamW.ParamGroup([new Parameter(randn(2))], new AdamW.Options { LearningRate = 0.1 }))],
            lr: 0.1,
            beta1: 0.9,
            beta2: 0.99);
    }

    private static double Expected(HyperParameter hyper, int group, double pos) =>
        Schedules[hyper].IsPerGroup ? Schedules[hyper].ForGroups(3)[group].At(pos) : Schedules[hyper].At(pos);

    private static double Written(AdamW.ParamGroup group, HyperParameter hyper) => hyper switch
    {
        LearningRate => group.LearningRate,
        Momentum => group.Options.beta1!.Value,
        SquaredMomentum => group.Options.beta2!.Value,
        _ => group.Options.weight_decay!.Value,
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_value_is_its_groups_own_schedule_bit_for_bit(bool record)
    {
        using var adamW = AdamW();
        var runner = new ScheduleRunner(adamW, Total, Schedules, record);
        var groups = adamW.ParamGroups.Cast<AdamW.ParamGroup>().ToArray();
        for (var step = 0; step <= Total; step++)
        {
            runner.Apply(step);
            var pos = runner.PositionOf(step);
            foreach (var hyper in Schedules.Keys)
            {
                for (var g = 0; g < 3; g++)
                {
                    var expected = BitConverter.DoubleToInt64Bits(Expected(hyper, g, pos));
                    Assert.Equal(expected, BitConverter.DoubleToInt64Bits(runner.Values![hyper, g]));
                    Assert.Equal(expected, BitConverter.DoubleToInt64Bits(Written(groups[g], hyper)));
                }
            }
        }
        if (!record)
        {
            return;
        }
        foreach (var hyper in Schedules.Keys)
        {
            for (var g = 0; g < 3; g++)
            {
                var recorded = runner.History!.Get(hyper, g);
                Assert.Equal(Total + 1, recorded.Count);
                for (var step = 0; step <= Total; step++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(Expected(hyper, g, runner.PositionOf(step))), BitConverter.DoubleToInt64Bits(recorded[step]));
                }
            }
        }
    }

    [Fact]
    public void A_scale_rewrites_the_current_values_but_not_the_step_already_recorded()
    {
        using var adamW = AdamW();
        var schedules = new Dictionary<HyperParameter, Sched> { [LearningRate] = Sched.Cos(1e-2, 1e-4), [Momentum] = Sched.OneCycleMomentum() };
        var runner = new ScheduleRunner(adamW, Total, schedules);
        var applier = (HyperApplier)runner.Applier;
        runner.Apply(5);
        var lr = Sched.Cos(1e-2, 1e-4).At(runner.PositionOf(5));
        applier.ScaleLr(1, 0.5);
        Assert.Equal(lr * 0.5, runner.Values![LearningRate, 1]);
        Assert.Equal(lr * 0.5, adamW.ParamGroups.ElementAt(1).LearningRate);
        Assert.Equal(lr, runner.Values[LearningRate, 0]);
        Assert.Equal(lr, runner.History!.Get(LearningRate, 1)[0]);
        runner.Apply(6);
        Assert.Equal(Sched.Cos(1e-2, 1e-4).At(runner.PositionOf(6)) * 0.5, runner.History.Get(LearningRate, 1)[1]);
        Assert.Equal(Sched.Cos(1e-2, 1e-4).At(runner.PositionOf(6)), runner.History.Get(LearningRate, 2)[1]);
        Assert.Throws<IndexOutOfRangeException>(() => runner.Values[Momentum, 3]);
    }
}
