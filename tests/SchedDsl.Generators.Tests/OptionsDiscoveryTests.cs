using Microsoft.CodeAnalysis;
using SchedDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace SchedDsl.Generators.Tests;

/// <summary>The generated properties are exactly each TorchSharp optimizer's per-group hyper-parameters, read from metadata.</summary>
public sealed class OptionsDiscoveryTests
{
    [Theory]
    [InlineData("SGD", "Lr,Mom,Dampening,Wd")]
    [InlineData("Adam", "Lr,Mom,SqrMom,Wd,Eps")]
    [InlineData("AdamW", "Lr,Mom,SqrMom,Wd,Eps")]
    [InlineData("Adamax", "Lr,Mom,SqrMom,Eps,Wd")]
    [InlineData("NAdam", "Lr,Mom,SqrMom,Eps,Wd,MomentumDecay")]
    [InlineData("RAdam", "Lr,Mom,SqrMom,Eps,Wd")]
    [InlineData("RMSProp", "Lr,Mom,SqrMom,Eps,Wd")]
    [InlineData("Adagrad", "Lr,LrDecay,InitialAccumulatorValue,Eps,Wd")]
    [InlineData("Adadelta", "Lr,Rho,Eps,Wd")]
    [InlineData("ASGD", "Lr,Lambd,SqrMom,Wd,T0")]
    [InlineData("Rprop", "Lr,Etaminus,Etaplus,MinStep,MaxStep")]
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
