using System.Text.RegularExpressions;
using SchedDsl.Generators.Tests.Infrastructure;
using SchedDsl.Tests.Shared;
using Xunit;

namespace SchedDsl.Generators.Tests;

/// <summary>
/// Every <c>```csharp</c> block in docs/generator.md compiles with the generator, warnings as errors (blocks fenced
/// <c>```cs</c> show generated or future code and are not compiled).
/// </summary>
public sealed partial class DocsTests
{
    public static TheoryData<int> Blocks => [.. Enumerable.Range(0, CodeBlocks().Count)];

    [Fact]
    public void Docs_have_compiled_examples() => Assert.True(CodeBlocks().Count >= 4);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Code_block_compiles_with_the_generator(int index)
    {
        var run = GeneratorHarness.Run(CodeBlocks()[index]);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Augmentation_example_prints_what_the_docs_say()
    {
        var block = CodeBlocks().Single(b => b.Contains("record Augmentation", StringComparison.Ordinal));
        var run = GeneratorHarness.Run(block, """
            public static class Program
            {
                public static string Run() =>
                    new My.App.Augmentation { DropProb = SchedDsl.Sched.Lin(0.0, 0.3) }.ToText() + "|" + My.App.Use.DropAt(0.5);
            }
            """);
        Assert.Equal("drop_prob=lin(0, 0.3)|0.15", CompiledCode.Run(run.Output));
    }

    private static List<string> CodeBlocks()
    {
        var path = Path.Combine(Repository.Root, "docs", "generator.md");
        return [.. FencedCSharp().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedCSharp();
}
