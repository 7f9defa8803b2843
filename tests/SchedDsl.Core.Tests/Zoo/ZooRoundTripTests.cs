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
}
