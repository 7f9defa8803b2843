using System.Text.RegularExpressions;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Core.Tests.Laws;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>Every zoo schedule prints to text that parses back to an equal value, and survives JSON.</summary>
public sealed partial class ZooRoundTripTests
{
    private static readonly Gen<Hyper> Lr = Gen.Frequency(
        (4, LawGens.Positive.Select(Hyper.Scalar)),
        (1, Gen.Choose(2, 4).SelectMany(n => LawGens.Positive.ArrayOf(n)).Select(Hyper.Of)),
        (1, LawGens.Positive.Select(stop => Hyper.Slice(stop))),
        (1, LawGens.Zip(LawGens.Positive, LawGens.Positive).Select(t => Hyper.Slice(t.Item1, t.Item2))));

    private static readonly Gen<double> Share = Gen.Choose(0, 1000).Select(i => i / 1000.0);

    private static readonly Gen<double> Full = Gen.Choose(1, 1_000_000).Select(i => i / 997.0);

    /// <summary>One of each zoo function with generated arguments (full-precision doubles included).</summary>
    internal static readonly Gen<Sched> ZooSched = LawGens.Zip(Lr, Share, Share, Full).SelectMany(t =>
    {
        var (lr, a, b, x) = t;
        var small = Math.Min(a, 1 - a) / 2;
        var sorted = new[] { Math.Min(a, b), Math.Max(a, b) };
        return Gen.Elements(
            Sched.WarmupCosine(lr, a, b, x),
            Sched.WarmupLinear(lr, a, b),
            Sched.Wsd(lr, a, (1 - a) * b, b),
            Sched.WsdLinear(lr, a, (1 - a) * b),
            Sched.OneCycle3Phase(lr, x, 1e4, small),
            Sched.OneCycle3PhaseMomentum(0.85, 0.95, small),
            Sched.Cyclic(lr, lr.Scale(6), 1 + x, a, 0.5, 0.99),
            Sched.CyclicMomentum(0.8, 0.9, x, b),
            Sched.StepDecay(lr, Math.Max(a, 1e-3), b),
            Sched.MultiStep(lr, sorted, b),
            Sched.PiecewiseConstant(lr, sorted, [x, b]),
            Sched.ExponentialDecay(lr, 0.5, Math.Max(a, 1e-3), b, 0.01),
            Sched.ExponentialDecayStaircase(lr, 0.9, Math.Max(a, 1e-2), b),
            Sched.PolyDecay(lr, x, b, a),
            Sched.InverseSqrt(lr, a, Math.Max(b, 1e-3)),
            Sched.CosineRestarts(lr, x, a),
            Sched.SgdrDecay(lr, 1 + (int)(x % 5), 1 + b, b + 0.1, 1e-6));
    });

    [Property(MaxTest = 100)]
    public Property Parse_of_print_is_the_same_schedule() =>
        Prop.ForAll(ZooSched.ToArbitrary(), s => Sched.Parse(s.ToString()) == s);

    [Property(MaxTest = 50)]
    public Property Json_round_trip_is_the_same_schedule() =>
        Prop.ForAll(ZooSched.ToArbitrary(), s => SchedJson.Deserialize(SchedJson.Serialize(s)) == s);

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
        var error = Assert.Throws<SchedDsl.Text.SchedParseException>(() => Sched.Parse("wsd(1e-3, 0.6, decay_pct=0.5)"));
        Assert.Contains("wsd: decay_pct must be <= 1 - warmup_pct = 0.4", error.Message, StringComparison.Ordinal);
        Assert.Equal(26, error.Column); // the value of decay_pct=0.5
    }

    private static string RepoRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    [GeneratedRegex("```sched\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SchedBlock();
}
