using System.Text.RegularExpressions;
using SchedDsl.Tests.Shared;

namespace SchedDsl.Docs.Tests;

/// <summary>
/// One fenced C# block of a doc. <c>```csharp</c> blocks are whole programs (top-level statements) that are compiled
/// and run; when the next fence is <c>```text</c> it is the program's exact output. <c>```csharp no-run</c> blocks
/// are compiled only (they need TorchSharp, a file or a GPU); <c>```cs</c> blocks are fragments, not compiled.
/// </summary>
internal sealed partial record DocBlock(string Doc, int Line, string Code, bool Run, string? ExpectedOutput)
{
    public override string ToString() => $"{Doc}:{Line}";

    public static IReadOnlyList<DocBlock> Read(string doc)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", doc)).ReplaceLineEndings("\n");
        var blocks = new List<DocBlock>();
        foreach (Match m in Fence().Matches(text))
        {
            if (m.Groups["lang"].Value != "csharp")
            {
                continue;
            }
            var line = text.AsSpan(0, m.Index).Count('\n') + 1;
            var next = Fence().Match(text, m.Index + m.Length);
            var output = next.Success && next.Groups["lang"].Value == "text"
                && string.IsNullOrWhiteSpace(text[(m.Index + m.Length)..next.Index])
                ? next.Groups["body"].Value
                : null;
            var run = m.Groups["info"].Value.Trim() != "no-run";
            blocks.Add(new DocBlock(doc, line, m.Groups["body"].Value, run, run ? output : null));
        }
        return blocks;
    }

    [GeneratedRegex(@"^```(?<lang>[a-z]+)(?<info>[^\n]*)\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();
}
