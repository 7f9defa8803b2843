using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// The learning rate and momentum written in one pass over the groups (SGD, Adam, AdamW) write what the separate
/// columns wrote: each param group's layer-group value, after any learning-rate scale, the other beta left alone.
/// </summary>
public sealed class HyperApplierPairTests
{
    // Four param groups in two layer groups, as the Learner's weight-decay split makes them.
    private static readonly GroupLayout Layout = new(2, [0, 0, 1, 1], [false, true, false, true]);

    private static Dictionary<HyperParameter, Sched> Schedules() => new()
    {
        [HyperParameter.LearningRate] = Sched.OneCycle(Hyper.Slice(1e-3, 1e-2)),
        [HyperParameter.Momentum] = Sched.OneCycleMomentum(),
    };

    private static Parameter[][] FourGroups()
    {
        manual_seed(3);
        return [.. Enumerable.Range(0, 4).Select(_ => new[] { new Parameter(randn(2)) })];
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void Sgd_writes_each_layer_groups_values_scaled(double pos)
    {
        using var sgd = new SGD([.. FourGroups().Select(g => new SGD.ParamGroup(g, new SGD.Options { LearningRate = 0.1, momentum = 0.9 }))], 0.1, momentum: 0.9);
        var applier = new HyperApplier(sgd, Schedules(), Layout);
        applier.ScaleLr(1, 0.5);
        applier.Apply(pos);
        var groups = sgd.ParamGroups.Cast<SGD.ParamGroup>().ToArray();
        var lr = Sched.OneCycle(Hyper.Slice(1e-3, 1e-2)).ForGroups(2);
        for (var g = 0; g < 4; g++)
        {
            var layer = Layout.LayerGroupOf(g);
            // Exact: the same operations on the same doubles as the schedule's own At, times the scale.
            Assert.Equal(lr[layer].At(pos) * (layer == 1 ? 0.5 : 1), groups[g].LearningRate);
            Assert.Equal(Sched.OneCycleMomentum().At(pos), groups[g].Momentum);
        }
    }

    [Fact]
    public void AdamW_writes_lr_and_beta1_and_leaves_beta2()
    {
        using var adam = new AdamW([.. FourGroups().Select(g => new AdamW.ParamGroup(g, new AdamW.Options { LearningRate = 0.1 }))], 0.1, beta1: 0.9, beta2: 0.97);
        new HyperApplier(adam, Schedules(), Layout).Apply(0.6);
        var lr = Sched.OneCycle(Hyper.Slice(1e-3, 1e-2)).ForGroups(2);
        foreach (var (group, g) in adam.ParamGroups.Cast<AdamW.ParamGroup>().Select((x, i) => (x, i)))
        {
            Assert.Equal(lr[Layout.LayerGroupOf(g)].At(0.6), group.LearningRate);
            Assert.Equal((Sched.OneCycleMomentum().At(0.6), 0.97), group.Betas);
        }
    }

    [Fact]
    public void Sgd_writes_reach_the_groups_after_the_optimizer_loads_its_state()
    {
        // The one-pass writes go to each group's options object, taken when the applier binds (HyperColumn.Typed):
        // TorchSharp's load_state_dict must fill that same object, or the writes would miss the optimizer.
        using var sgd = new SGD([.. FourGroups().Select(g => new SGD.ParamGroup(g, new SGD.Options { LearningRate = 0.1, momentum = 0.9 }))], 0.1, momentum: 0.9);
        var applier = new HyperApplier(sgd, Schedules());
        using var saved = new MemoryStream();
        using (var writer = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            sgd.save_state_dict(writer);
        }
        applier.Apply(0.3);
        saved.Position = 0;
        using (var reader = new BinaryReader(saved))
        {
            sgd.load_state_dict(reader);
        }
        var groups = sgd.ParamGroups.Cast<SGD.ParamGroup>().ToArray();
        Assert.All(groups, g => Assert.Equal((0.1, 0.9), (g.LearningRate, g.Momentum)));
        applier.Apply(0.6);
        var lr = Sched.OneCycle(Hyper.Slice(1e-3, 1e-2)).ForGroups(4);
        for (var g = 0; g < 4; g++)
        {
            Assert.Equal(lr[g].At(0.6), groups[g].LearningRate);
            Assert.Equal(Sched.OneCycleMomentum().At(0.6), groups[g].Momentum);
        }
    }
}
