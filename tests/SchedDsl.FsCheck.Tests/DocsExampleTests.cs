using System.Text.RegularExpressions;
using SchedDsl.Tests.Shared;
using Xunit;

namespace SchedDsl.Testing.Tests;

/// <summary>
/// docs/testing.md shows the user's side as a <c>```cs</c> fragment (the docs tests compile against Core and Torch,
/// not FsCheck); the same code is samples/SampleTests/LrPolicyTests.cs, which scripts/pack.sh compiles and runs
/// against the packages. This keeps the two from drifting.
/// </summary>
public sealed partial class DocsExampleTests
{
    [Fact]
    public void The_example_in_testing_md_is_the_sample_that_pack_sh_runs()
    {
        var doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "testing.md")).ReplaceLineEndings("\n");
        var sample = File.ReadAllText(Path.Combine(Repository.Root, "samples", "SampleTests", "LrPolicyTests.cs")).ReplaceLineEndings("\n");
        var block = CsBlock().Match(doc);
        Assert.True(block.Success, "docs/testing.md has no ```cs block");
        var sampleLines = sample.Split('\n').Select(l => l.Trim()).ToHashSet();
        var missing = block.Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !sampleLines.Contains(l)).ToArray();
        Assert.True(missing.Length == 0, "lines of docs/testing.md's example not in the sample:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(@"^```cs\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CsBlock();
}
