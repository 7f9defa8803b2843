using System.Text.RegularExpressions;
using SchedDsl.Docs.Tests.Api;
using SchedDsl.Tests.Shared;
using Xunit;

namespace SchedDsl.Docs.Tests;

/// <summary>
/// docs/migration.md covers every public API removal or rename since the previous release: each symbol of
/// api/previous-release.txt (the previous release's baseline) missing from today's PublicAPI baselines must be named
/// in a code span of the page (see <see cref="RemovedApi"/> for which name), or fall under a <c>`Namespace.*`</c> span.
/// </summary>
public sealed partial class MigrationCoverageTests
{
    [Fact]
    public void Every_removed_or_changed_symbol_is_in_migration_md()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "migration.md"));
        var spans = CodeText().Matches(text).Select(m => m.Groups["code"].Value).ToList();
        var identifiers = spans.SelectMany(s => Identifier().Matches(s).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var wildcards = spans.Select(s => Wildcard().Match(s)).Where(m => m.Success).Select(m => m.Groups["ns"].Value).ToList();
        var missing = RemovedApi.Since(ApiBaseline.PreviousRelease, ApiBaseline.Current)
            .Where(r => !r.IsMentionedIn(identifiers, wildcards))
            .GroupBy(r => string.Join(" or ", r.AnyOf.Select(n => $"`{n}`")))
            .Select(g => $"- name {g.Key}: {string.Join("; ", g.Select(r => r.Symbol.Line))}")
            .ToList();
        Assert.True(missing.Count == 0,
            $"docs/migration.md does not mention {missing.Count} public API changes since the previous release (write a row: old code -> new code, what changes):\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void The_previous_release_baseline_is_read()
    {
        // 553 symbols written by scripts/make-previous-release-api.sh from the release commit; a parse that lost
        // them would let every removal pass.
        Assert.True(ApiBaseline.PreviousRelease.Symbols.Count > 500);
        Assert.Contains(RemovedApi.Since(ApiBaseline.PreviousRelease, ApiBaseline.Current),
            r => r.Symbol.Line == "SchedDsl.Torch.ScheduleRunner.Step() -> void" && r.AnyOf.SequenceEqual(["Step"]));
        Assert.Contains(RemovedApi.Since(ApiBaseline.PreviousRelease, ApiBaseline.Current),
            r => r.Symbol.Type == "SchedDsl.Torch.ScheduleRunner" && r.Symbol.Member == "ScheduleRunner" && r.AnyOf.Contains("startStep"));
    }

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>", RegexOptions.Singleline)]
    private static partial Regex CodeText();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^(?<ns>[A-Za-z]\w*(?:\.[A-Za-z]\w*)*)\.\*$")]
    private static partial Regex Wildcard();
}
