using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace SchedDsl.Testing.Tests;

/// <summary>Shrinking ends at simple counterexamples: constants, single parts, defaults.</summary>
public sealed class SchedShrinkerTests
{
    [Fact]
    public void A_failing_property_shrinks_to_a_schedule_no_bigger_than_it_needs()
    {
        // Fails for anything that is not a constant, so the counterexample it ends at is as small as it needs to be when
        // every simpler schedule the shrinker offers for it is a constant. That is one call with numbers for arguments
        // (a combine's generated parts would be offered, and they are calls); the call's text may still be a combine,
        // as a preset such as one_cycle_3phase's momentum prints as the combine it stands for.
        Sched? lastFalsified = null;
        var property = Prop.ForAll(SchedGen.Arbitrary(), s =>
        {
            var holds = !s.ToString().Contains('(');
            lastFalsified = holds ? lastFalsified : s;
            return holds;
        });
        // QuickThrowOnFailure reports a falsified property as exactly System.Exception (FsCheck's failwithf), and a
        // property that returned false as "Expected true, got false": any other exception type, or a property that threw
        // something else, is a bug this test must not swallow.
        var e = Assert.Throws<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), property));
        Assert.StartsWith("Falsifiable", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains("System.Exception: Expected true, got false.", StringComparison.Ordinal), e.Message);
        var lines = e.Message.Split('\n').Select(l => l.Trim()).ToList();
        // FsCheck prints "Shrunk:" only after a successful shrink; when the first counterexample is already as small as
        // its shrinks get (a leaf call such as poly_decay(-342.03), 0 shrinks), the original is the answer.
        var shrunk = lines[lines.IndexOf(lines.Contains("Shrunk:") ? "Shrunk:" : "Original:") + 1];
        Assert.True(e.Message.Contains("(0 shrinks)", StringComparison.Ordinal) || lines.Contains("Shrunk:"), e.Message);
        Assert.NotNull(lastFalsified);
        Assert.Equal(shrunk, lastFalsified.ToString());
        var simpler = SchedGen.Shrink(lastFalsified).ToArray();
        Assert.NotEmpty(simpler);
        Assert.All(simpler, s => Assert.DoesNotContain("(", s.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Shrinks_are_simpler_valid_and_in_range()
    {
        var options = new SchedGenOptions { Values = (0, 1) };
        foreach (var sched in SchedGen.Any(options).Sample(size: 50, numberOfSamples: 30))
        {
            foreach (var simpler in SchedGen.Shrink(sched).Take(20))
            {
                Assert.NotEqual(sched, simpler);
                Assert.True(simpler.ToString().Length <= sched.ToString().Length + 24, $"{sched} -> {simpler}");
                SchedLaws.KeepsWithin(simpler, 0, 1);
                SchedLaws.RoundTripsThroughText(simpler);
            }
        }
    }

    [Fact]
    public void A_combine_shrinks_to_a_constant_first_then_to_its_parts()
    {
        var node = SchedGen.Nodes(SchedGenOptions.Default).Sample(size: 100, numberOfSamples: 200)
            .First(n => n.Spec?.Name == "combine");
        var sched = Generation.SchedShrinker.Remember(node, SchedGenOptions.Default);
        var shrinks = SchedGen.Shrink(sched).ToArray();
        Assert.False(shrinks[0].ToString().Contains('(', StringComparison.Ordinal), shrinks[0].ToString());
        var parts = node.Args.OfType<Generation.GenNode[]>().Single().Select(p => p.Built);
        Assert.Contains(shrinks, parts.Contains);
    }

    [Fact]
    public void A_schedule_the_generator_did_not_make_has_no_shrinks() =>
        Assert.Empty(SchedGen.Shrink(Sched.OneCycle(0.01)));
}
