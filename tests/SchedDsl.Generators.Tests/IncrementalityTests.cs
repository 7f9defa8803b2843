using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchedDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace SchedDsl.Generators.Tests;

/// <summary>
/// NetEscapades' pattern: run the generator, edit the compilation in a way that does not touch any scheduler, run
/// again, and every tracked step must be Cached or Unchanged; the step outputs must hold no Roslyn object.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] Tracked = [TrackingNames.Declared, TrackingNames.Optimizer, TrackingNames.SchedText, TrackingNames.SchedTextBound];

    [Fact]
    public void Unrelated_edit_leaves_every_tracked_step_cached()
    {
        var compilation = GeneratorHarness.Compilation(Sources.UserOptimizer, Sources.LionScheduler, Sources.DeclaredScheduler, Sources.SgdScheduler, Sources.SchedTexts);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        var first = driver.GetRunResult();

        var edited = compilation
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.ParseOptions, cancellationToken: TestContext.Current.CancellationToken))
            .Clone();
        var second = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult();

        Assert.Equal(
            first.GeneratedTrees.Select(t => t.ToString()),
            second.GeneratedTrees.Select(t => t.ToString()));
        var steps = second.Results[0].TrackedSteps;
        foreach (var name in Tracked)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} not tracked");
            foreach (var step in steps[name])
            {
                Assert.All(step.Outputs, o => Assert.True(
                    o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{name}: {o.Reason}"));
            }
        }
        Assert.All(second.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_a_method_body_in_the_scheduler_file_keeps_the_model_unchanged()
    {
        var before = Sources.DeclaredScheduler + "\npublic static class Helper { public static int X() => 1; }";
        var after = Sources.DeclaredScheduler + "\npublic static class Helper { public static int X() => 2; }";
        var compilation = GeneratorHarness.Compilation(before);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(after, GeneratorHarness.ParseOptions, tree.FilePath, cancellationToken: TestContext.Current.CancellationToken));
        var steps = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results[0].TrackedSteps;
        Assert.All(steps[TrackingNames.Declared].SelectMany(s => s.Outputs), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_compilations_syntax_or_locations()
    {
        var compilation = GeneratorHarness.Compilation(Sources.UserOptimizer, Sources.LionScheduler, Sources.DeclaredScheduler,
            "using SchedDsl.Generation; [HyperScheduler] public class NotPartial { }", Sources.SchedTexts,
            "using SchedDsl.Generation; public static partial class Bad { [SchedText(\"cos(0 1)\", Groups = 2)] public static partial SchedDsl.Sched X { get; } }");
        var steps = GeneratorHarness.Driver().RunGenerators(compilation, TestContext.Current.CancellationToken)
            .GetRunResult().Results[0].TrackedSteps;
        foreach (var name in Tracked)
        {
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, 0);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string path, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }
        Assert.False(value is ISymbol or Compilation or SyntaxNode or SyntaxTree or Location or SemanticModel,
            $"{path} holds a {value.GetType().Name}");
        if (value is DiagnosticDescriptor)
        {
            return; // immutable and equatable by value
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", depth + 1);
            }
            return;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, depth + 1);
        }
    }
}
