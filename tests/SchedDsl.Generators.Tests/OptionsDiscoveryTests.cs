using Microsoft.CodeAnalysis;
using SchedDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace SchedDsl.Generators.Tests;

/// <summary>The generated properties are exactly each TorchSharp optimizer's per-group hyper-parameters, read from metadata.</summary>
public sealed class OptionsDiscoveryTests
{
    [Theory]
    [InlineData("SGD", "LearningRate,Momentum,Dampening,WeightDecay")]
    [InlineData("Adam", "LearningRate,Momentum,SquaredMomentum,WeightDecay,Eps")]
    [InlineData("AdamW", "LearningRate,Momentum,SquaredMomentum,WeightDecay,Eps")]
    [InlineData("Adamax", "LearningRate,Momentum,SquaredMomentum,Eps,WeightDecay")]
    [InlineData("NAdam", "LearningRate,Momentum,SquaredMomentum,Eps,WeightDecay,MomentumDecay")]
    [InlineData("RAdam", "LearningRate,Momentum,SquaredMomentum,Eps,WeightDecay")]
    [InlineData("RMSProp", "LearningRate,Momentum,SquaredMomentum,Eps,WeightDecay")]
    [InlineData("Adagrad", "LearningRate,LrDecay,InitialAccumulatorValue,Eps,WeightDecay")]
    [InlineData("Adadelta", "LearningRate,Rho,Eps,WeightDecay")]
    [InlineData("ASGD", "LearningRate,Lambd,SquaredMomentum,WeightDecay,T0")]
    [InlineData("Rprop", "LearningRate,Etaminus,Etaplus,MinStep,MaxStep")]
    public void TorchSharp_optimizer_hyper_parameters(string optimizer, string expected)
    {
        var run = GeneratorHarness.Run($$"""
            using SchedDsl.Generation;
            [OptimizerScheduler(typeof(TorchSharp.Modules.{{optimizer}}))]
            public partial class S;
            """);
        Assert.Empty(run.CompilationDiagnostics);
        var type = run.Output.GetTypeByMetadataName("S")!;
        var properties = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.Type.Name == "Sched")
            .Select(p => p.Name);
        Assert.Equal(expected, string.Join(",", properties));
    }
}
