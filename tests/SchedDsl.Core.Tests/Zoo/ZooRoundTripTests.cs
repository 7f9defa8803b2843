using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>Every zoo schedule prints to text that parses back to an equal value, and survives JSON.</summary>
public sealed partial class ZooRoundTripTests
{
    [Property(MaxTest = 100)]
    public Property Parse_of_print_is_the_same_schedule() =>
        Prop.ForAll(ZooGens.Any.ToArbitrary(), s => Sched.Parse(s.ToString()) == s);

    [Property(MaxTest = 50)]
    public Property Json_round_trip_is_the_same_schedule() =>
        Prop.ForAll(ZooGens.Any.ToArbitrary(), s => SchedJson.Deserialize(SchedJson.Serialize(s)) == s);

    [Fact]
    public void Every_example_in_docs_zoo_parses_and_round_trips()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "zoo.md"));
        var lines = SchedBlock().Matches(doc).SelectMany(b => b.Groups[1].Value.Split('\n')).Where(l => l.Trim().Length > 0).ToList();
        Assert.True(lines.Count >= 17, $"expected an example per zoo function, found {lines.Count}");
        foreach (var line in lines)
        {
            var sched = Sched.Parse(line);
            Assert.Equal(sched, Sched.Parse(sched.ToString()));
        }
    }

    [Fact]
    public void Every_text_example_in_the_zoo_table_parses_adaptive_ones_included()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "zoo.md"));
        var rows = TableRow().Matches(doc).Select(m => (Name: m.Groups[1].Value, Example: m.Groups[2].Value)).ToList();
        Assert.Contains(rows, r => r.Name == "plateau");
        Assert.Contains(rows, r => r.Name == "greedy");
        Assert.Contains(rows, r => r.Name == "from_current");
        foreach (var (name, example) in rows)
        {
            Assert.Contains(name, example, StringComparison.Ordinal);
            if (AdaptiveSched.IsAdaptiveText(example))
            {
                var adaptive = AdaptiveSched.Parse(example);
                Assert.Equal(adaptive, AdaptiveSched.Parse(adaptive.ToString()));
            }
            else
            {
                var sched = Sched.Parse(example);
                Assert.Equal(sched, Sched.Parse(sched.ToString()));
            }
        }
    }

    [Fact]
    public void A_range_error_in_text_points_at_the_argument_with_the_factorys_message()
    {
        var error = Assert.Throws<SchedDsl.SchedParseException>(() => Sched.Parse("wsd(1e-3, 0.6, decay_pct=0.5)"));
        Assert.Contains("wsd: decay_pct must be <= 1 - warmup_pct = 0.4", error.Message, StringComparison.Ordinal);
        Assert.Equal(26, error.Column); // the value of decay_pct=0.5
    }

    private static string RepoRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    [GeneratedRegex("```sched\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SchedBlock();

    // A row of the table: | `function` | anchor | `text example` | picture |
    [GeneratedRegex(@"^\| `([a-z_0-9]+)` \|[^|\n]*\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
