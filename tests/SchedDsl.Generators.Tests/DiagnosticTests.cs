using Microsoft.CodeAnalysis;
using SchedDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace SchedDsl.Generators.Tests;

/// <summary>Each diagnostic: its id, severity, the source text it points at, its line and its message.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void SDSL001_type_not_partial()
    {
        var d = Single("""
            using SchedDsl;
            using SchedDsl.Generation;
            namespace My.App;
            [HyperScheduler]
            public record Plain
            {
                public Sched? LearningRate { get; init; }
            }
            """);
        AssertDiagnostic(d, "SDSL001", "Plain", line: 5,
            "The type 'My.App.Plain' must be declared partial, with every containing type, for SchedDsl to generate its scheduler");
    }

    [Fact]
    public void SDSL001_containing_type_not_partial()
    {
        var d = Single("""
            using SchedDsl.Generation;
            namespace My.App;
            public static class Outer
            {
                [OptimizerScheduler(typeof(TorchSharp.Modules.Adam))]
                public partial class AdamSchedule;
            }
            """);
        AssertDiagnostic(d, "SDSL001", "Outer", line: 3,
            "The type 'My.App.Outer' must be declared partial, with every containing type, for SchedDsl to generate its scheduler");
    }

    [Fact]
    public void SDSL002_unsupported_member_type()
    {
        var d = Single("""
            using SchedDsl;
            using SchedDsl.Generation;
            namespace My.App;
            [HyperScheduler]
            public partial class Hypers
            {
                public Sched? LearningRate { get; init; }
                [HyperParam] public double WeightDecay { get; init; }
            }
            """);
        AssertDiagnostic(d, "SDSL002", "WeightDecay", line: 8,
            "The hyper-parameter 'WeightDecay' has type 'double'; a hyper-parameter must be an instance property of type SchedDsl.Sched");
    }

    [Fact]
    public void SDSL002_sched_field()
    {
        var d = Single("""
            using SchedDsl;
            using SchedDsl.Generation;
            namespace My.App;
            [HyperScheduler]
            public partial class Hypers
            {
                public Sched? Momentum;
            }
            """);
        AssertDiagnostic(d, "SDSL002", "Momentum", line: 7,
            "The hyper-parameter 'Momentum' has type 'field SchedDsl.Sched?'; a hyper-parameter must be an instance property of type SchedDsl.Sched");
    }

    [Fact]
    public void SDSL003_unknown_hyper_parameter_for_the_optimizer()
    {
        var d = Single("""
            using SchedDsl;
            using SchedDsl.Generation;
            namespace My.App;
            [OptimizerScheduler(typeof(TorchSharp.Modules.Adagrad))]
            public partial class AdagradSchedule
            {
                public Sched? Momentum { get; init; }
            }
            """);
        AssertDiagnostic(d, "SDSL003", "Momentum", line: 7,
            "The optimizer 'Adagrad' has no hyper-parameter 'Momentum'; it has LearningRate, LrDecay, InitialAccumulatorValue, Eps, WeightDecay");
    }

    [Fact]
    public void Scheduling_mom_for_an_optimizer_without_momentum_does_not_compile()
    {
        var run = GeneratorHarness.Run("""
            using SchedDsl;
            using SchedDsl.Generation;
            namespace My.App;
            [OptimizerScheduler(typeof(TorchSharp.Modules.Adagrad))]
            public partial class AdagradSchedule;
            public static class Use
            {
                public static AdagradSchedule Make() => new() { LearningRate = Sched.Cos(0.1, 0.01), Momentum = Sched.Const(0.9) };
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        var error = Assert.Single(run.CompilationDiagnostics);
        Assert.Equal("CS0117", error.Id);
        Assert.Contains("'Momentum'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void SDSL006_optimizer_without_per_group_options()
    {
        var d = Single("""
            using SchedDsl.Generation;
            namespace My.App;
            [OptimizerScheduler(typeof(TorchSharp.Modules.LBFGS))]
            public partial class LbfgsSchedule;
            """);
        AssertDiagnostic(d, "SDSL006", "typeof(TorchSharp.Modules.LBFGS)", line: 3,
            "The optimizer 'TorchSharp.Modules.LBFGS' has no parameter-group type with an 'Options' property holding double hyper-parameters, or no 'ParamGroups' property to enumerate its groups");
    }

    /// <summary>
    /// Every descriptor's help link is empty or a real address: the project has no docs site, and a link to
    /// example.invalid (issue 21) or any other reserved name leads nowhere.
    /// </summary>
    [Fact]
    public void No_descriptor_has_a_placeholder_help_link()
    {
        var descriptors = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.Equal(7, descriptors.Count);
        Assert.All(descriptors, d => Assert.True(IsEmptyOrReal(d.HelpLinkUri), $"{d.Id} help link '{d.HelpLinkUri}' is a placeholder"));
    }

    /// <summary>Empty, or an absolute https address outside the names RFC 2606/6761 reserve for examples and tests.</summary>
    private static bool IsEmptyOrReal(string link)
    {
        if (link.Length == 0)
        {
            return true;
        }
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }
        string[] reserved = [".invalid", ".example", ".test", ".localhost", ".local", ".example.com", ".example.org", ".example.net"];
        var host = "." + uri.Host;
        return !reserved.Any(r => host.EndsWith(r, StringComparison.OrdinalIgnoreCase));
    }

    internal static (Diagnostic Diagnostic, Compilation Compilation) Single(string source)
    {
        var run = GeneratorHarness.Run(source);
        return (Assert.Single(run.GeneratorDiagnostics), run.Output);
    }

    /// <summary>
    /// Diagnostics carry a location rebuilt from a value record (file, span, line span), which Roslyn exposes as an
    /// external-file location; the text it points at is read back from the compilation's tree with that path.
    /// </summary>
    internal static void AssertDiagnostic((Diagnostic Diagnostic, Compilation Compilation) reported, string id, string spanText, int line, string message)
    {
        var (d, compilation) = reported;
        var lineSpan = d.Location.GetLineSpan();
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == lineSpan.Path);
        Assert.Equal(id, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(spanText, tree.GetText(TestContext.Current.CancellationToken).ToString(d.Location.SourceSpan));
        Assert.Equal(line, lineSpan.StartLinePosition.Line + 1);
        Assert.Equal(message, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
