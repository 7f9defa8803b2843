using Xunit;

namespace SchedDsl.Docs.Tests;

/// <summary>
/// Every <c>```csharp</c> block of the Core-only docs compiles against SchedDsl.Core with warnings as errors and
/// runs; where a <c>```text</c> block follows it, the program prints exactly that. (Tests in one class run one at a
/// time, which <see cref="DocCompiler.Run"/> needs: it redirects <see cref="Console.Out"/>.)
/// </summary>
public sealed class DocsTests
{
    /// <summary>The docs whose blocks are checked here (docs/generator.md's are compiled with the generator in its own tests).</summary>
    private static readonly string[] Docs = ["index.md", "schedules.md", "from-pytorch.md", "training.md", "architecture.md", "time.md", "observability.md", "prediction.md", "lr-finder.md", "adaptive.md", "text-form.md"];

    public static TheoryData<string> Blocks => [.. Docs.SelectMany(DocBlock.Read).Select(b => b.ToString())];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_compiles_and_runs(string id)
    {
        var block = Docs.SelectMany(DocBlock.Read).Single(b => b.ToString() == id);
        var (diagnostics, image) = DocCompiler.Compile(block);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        if (!block.Run)
        {
            return;
        }
        var output = DocCompiler.Run(image!);
        if (block.ExpectedOutput is { } expected)
        {
            Assert.True(expected == output, $"{id} printed (the text block after it must be exactly this):\n{output}");
        }
    }

    [Fact]
    public void Every_doc_has_run_blocks()
    {
        foreach (var doc in Docs)
        {
            Assert.Contains(DocBlock.Read(doc), b => b.Run);
        }
    }
}
