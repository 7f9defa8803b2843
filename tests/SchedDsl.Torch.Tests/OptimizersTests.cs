using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>Each <see cref="Optimizers"/> factory over a small model's param groups: the type, the documented defaults, one step.</summary>
public sealed class OptimizersTests
{
    /// <summary>A factory, the TorchSharp type it must build and the option fields it must set (docs/training.md, "Optimizers").</summary>
    private sealed record Case(OptimizerFactory Factory, Type Built, (string Field, double Value)[] Options);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Sgd()"] = new(Optimizers.Sgd(), typeof(SGD), [("momentum", 0)]),
        ["Sgd(momentum: 0.9)"] = new(Optimizers.Sgd(momentum: 0.9), typeof(SGD), [("momentum", 0.9)]),
        ["RmsProp()"] = new(Optimizers.RmsProp(), typeof(RMSProp), [("momentum", 0), ("alpha", 0.99), ("eps", 1e-8)]),
        ["RmsProp(momentum: 0.9)"] = new(Optimizers.RmsProp(momentum: 0.9), typeof(RMSProp), [("momentum", 0.9), ("alpha", 0.99), ("eps", 1e-8)]),
        ["Adam()"] = new(Optimizers.Adam(), typeof(AdamW), [("beta1", 0.9), ("beta2", 0.99), ("eps", 1e-5)]),
        ["Adam(decoupledWeightDecay: false)"] = new(Optimizers.Adam(decoupledWeightDecay: false), typeof(Adam), [("beta1", 0.9), ("beta2", 0.99), ("eps", 1e-5)]),
        ["AdamW()"] = new(Optimizers.AdamW(), typeof(AdamW), [("beta1", 0.9), ("beta2", 0.99), ("eps", 1e-5)]),
        ["NAdam()"] = new(Optimizers.NAdam(), typeof(NAdam), [("beta1", 0.9), ("beta2", 0.99), ("eps", 1e-5), ("momentum_decay", 4e-3)]),
        ["Adamax()"] = new(Optimizers.Adamax(), typeof(Adamax), [("beta1", 0.9), ("beta2", 0.99), ("eps", 1e-5)]),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    /// <summary>Two groups as the learner makes them: a decaying one and a no-decay one, each with its own lr.</summary>
    private static (nn.Module<Tensor, Tensor> Model, ParamGroupSpec[] Specs) Model()
    {
        manual_seed(0);
        var model = nn.Sequential(("0", nn.Linear(4, 8)), ("1", nn.ReLU()), ("2", nn.Linear(8, 1)));
        var weights = model.named_parameters().Where(p => p.name.EndsWith("weight", StringComparison.Ordinal)).Select(p => p.parameter).ToList();
        var biases = model.named_parameters().Where(p => p.name.EndsWith("bias", StringComparison.Ordinal)).Select(p => p.parameter).ToList();
        return (model, [new ParamGroupSpec(weights, 1e-3, 0.01), new ParamGroupSpec(biases, 1e-2, 0)]);
    }

    private static double? Field(OptimizerOptions options, string name) =>
        (double?)options.GetType().GetField(name)!.GetValue(options);

    [Theory]
    [MemberData(nameof(Names))]
    public void Factory_BuildsItsOptimizer_WithTheDocumentedDefaults_OneGroupPerSpec(string name)
    {
        var (model, specs) = Model();
        var c = Cases[name];
        using var optimizer = c.Factory(specs);
        Assert.IsType(c.Built, optimizer);
        var groups = optimizer.ParamGroups.Cast<ParamGroup>().ToList();
        Assert.Equal(specs.Length, groups.Count);
        for (var g = 0; g < specs.Length; g++)
        {
            // Written as given, never computed: exact equality is the contract.
            Assert.Equal(specs[g].LearningRate, groups[g].LearningRate);
            Assert.Equal(specs[g].WeightDecay, Field(groups[g].Options, "weight_decay"));
            Assert.Equal(specs[g].Parameters.Select(p => p.Handle), groups[g].Parameters.Select(p => p.Handle));
            foreach (var (field, value) in c.Options)
            {
                Assert.Equal(value, Field(groups[g].Options, field));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Factory_TrainsOneStep_MovingEveryParameter(string name)
    {
        var (model, specs) = Model();
        using var optimizer = Cases[name].Factory(specs);
        var x = randn(16, 4);
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        optimizer.zero_grad();
        model.call(x).pow(2).mean().backward();
        optimizer.step();
        var after = model.parameters().ToList();
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(after[i].isfinite().all().item<bool>(), $"parameter {i} is not finite after one step");
            Assert.False(before[i].eq(after[i]).all().item<bool>(), $"parameter {i} did not move");
        }
    }

    /// <summary>
    /// The table's "weight decay" column, measured: with a zero gradient, decoupled decay gives exactly
    /// <c>p * (1 - lr*wd)</c> per step; an L2 term goes through the optimizer's update instead. Two steps, because
    /// momentum SGD's L2 and decoupled updates agree on the first.
    /// </summary>
    [Theory]
    [InlineData("Sgd()", true)] // plain SGD: L2 and decoupled are the same update
    [InlineData("Sgd(momentum: 0.9)", false)]
    [InlineData("RmsProp()", false)]
    [InlineData("Adam()", true)]
    [InlineData("Adam(decoupledWeightDecay: false)", false)]
    [InlineData("AdamW()", true)]
    [InlineData("NAdam()", false)]
    [InlineData("Adamax()", false)]
    public void WeightDecay_ActsDecoupled_ExactlyWhereTheTableSaysSo(string name, bool decoupled)
    {
        const double lr = 0.01, wd = 0.1;
        var p = new Parameter(ones(3, dtype: float64));
        using var optimizer = Cases[name].Factory([new ParamGroupSpec([p], lr, wd)]);
        for (var step = 0; step < 2; step++)
        {
            optimizer.zero_grad();
            (p * 0).sum().backward();
            optimizer.step();
        }
        var expected = (1 - (lr * wd)) * (1 - (lr * wd));
        // float64 parameters: the decoupled update is two multiplications (~1e-16); an L2 term moves p by >= 9e-5 here.
        var gap = Math.Abs(p[0].item<double>() - expected);
        Assert.True(decoupled ? gap < 1e-12 : gap > 1e-5, $"{name}: p = {p[0].item<double>():R}, decoupled would give {expected:R}");
    }

    [Fact]
    public void Factories_CheckTheirArguments_WhenCalled()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.Sgd(momentum: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.RmsProp(alpha: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.Adam(beta2: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.NAdam(eps: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimizers.Adamax(beta1: double.PositiveInfinity));
        var e = Assert.Throws<ArgumentException>(() => Optimizers.Adam()([]));
        Assert.Contains("at least one param group", e.Message, StringComparison.Ordinal);
    }
}
