using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Text;
using Xunit;

namespace SchedDsl.Testing.Tests;

/// <summary>The generators make valid, bounded schedules of every declared function.</summary>
public sealed class SchedGenTests
{
    [Property(MaxTest = 100)]
    public Property Generated_schedules_keep_every_law() =>
        Prop.ForAll(SchedGen.Arbitrary(), SchedLaws.All);

    [Fact]
    public void A_1_sqrt_decay_inside_nested_combines_is_continuous_up_to_its_positions_rounding()
    {
        // Shrunk from a failure of the property above (fresh Debian, 2026-12-06): the join's position, mapped through
        // the outer combine, rounds to a t of about 1e-16 inside wsd_sqrt, and 1 - sqrt(t) moves by 1e-8 relative.
        var sched = Sched.Parse("combine([0.23076923076923078, 0.6923076923076923, 0.07692307692307693], [-0.8447395060667515, -55.16549648946841, wsd_sqrt(-312, 0, 0.3159478435305918)])");
        SchedLaws.All(sched);
        // A real jump at the same join is still caught.
        Assert.Throws<SchedLawException>(() => SchedLaws.ContinuousAtJoins(Sched.Parse("combine([0.5, 0.5], [1, 2])"), everyJoin: true));
    }

    [Property(MaxTest = 100)]
    public Property Generated_schedules_stay_in_a_narrowed_range() =>
        Prop.ForAll(SchedGen.Arbitrary(new SchedGenOptions { Values = (1e-6, 1e-1) }), s => SchedLaws.KeepsWithin(s, 1e-6, 1e-1));

    [Fact]
    public void Every_function_in_the_table_is_generated_within_a_few_hundred_samples()
    {
        // Uniform over about 30 functions plus nesting: 600 draws miss a given one with probability below 1e-8. Read
        // from the calls, not the text: a text-only function such as one_cycle_3phase_momentum prints as a combine.
        var names = SchedGen.Nodes(SchedGenOptions.Default).Sample(size: 30, numberOfSamples: 600).SelectMany(Names).ToHashSet();
        var missing = FunctionTable.All.Keys.Except(names).ToArray();
        Assert.True(missing.Length == 0, $"never generated: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_function_is_generated_alone_under_a_learning_rate_range()
    {
        // From 0: sgdr and cosine_restarts reach 0 at every cycle's end by definition.
        var options = new SchedGenOptions { Values = (0, 1e-1) };
        foreach (var name in FunctionTable.All.Keys)
        {
            var nodes = SchedGen.FunctionNodes(name, options).Sample(size: 10, numberOfSamples: 40);
            // Redraws that all fail fall back to a constant: for a narrowed range that is rare, never the rule.
            Assert.True(nodes.Count(n => n.Spec?.Name == name) >= 36, $"{name}: {string.Join("; ", nodes.Select(n => n.Built))}");
            Assert.All(nodes, n => SchedLaws.KeepsWithin(n.Built, 0, 1e-1));
        }
    }

    [Fact]
    public void Scalar_options_generate_no_per_group_values() =>
        Assert.All(SchedGen.Any(new SchedGenOptions { GroupCount = 1 }).Sample(size: 20, numberOfSamples: 100), s => Assert.False(s.IsPerGroup, s.ToString()));

    [Fact]
    public void Nesting_deepens_with_size_and_stays_bounded()
    {
        var small = SchedGen.Nodes(SchedGenOptions.Default).Sample(size: 1, numberOfSamples: 100);
        var large = SchedGen.Nodes(SchedGenOptions.Default).Sample(size: 100, numberOfSamples: 100);
        Assert.All(small, n => Assert.Equal(1, Depth(n)));
        Assert.Contains(large, n => Depth(n) > 1);
        // Size 100 halves to a leaf within 7 levels: the text form's nesting limit (Sched.MaxDepth) is far away.
        Assert.All(large, n => Assert.InRange(Depth(n), 1, 7));
    }

    [Fact]
    public void Positions_include_both_ends_and_the_joins()
    {
        var sched = Sched.Lin(0, 1).Then(0.3, Sched.Cos(1, 0));
        var positions = SchedGen.PositionIn(sched).Sample(size: 10, numberOfSamples: 200);
        Assert.Contains(0.0, positions);
        Assert.Contains(1.0, positions);
        Assert.Contains(positions, p => Math.Abs(p - 0.3) < 1e-15);
        Assert.All(positions, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Unknown_functions_and_empty_ranges_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SchedGen.Function("one_cycel"));
        Assert.Throws<ArgumentException>(() => SchedGen.Function("exp", new SchedGenOptions { Values = (-2, -1) }));
        Assert.Throws<ArgumentException>(() => SchedGen.Any(1, 0));
    }

    private static int Depth(Generation.GenNode node) =>
        1 + node.Args.OfType<Generation.GenNode[]>().SelectMany(parts => parts).Select(Depth).DefaultIfEmpty(0).Max();

    /// <summary>The functions a generated call and its nested parts call.</summary>
    private static IEnumerable<string> Names(Generation.GenNode node) =>
        (node.Spec is { } spec ? [spec.Name] : Array.Empty<string>())
            .Concat(node.Args.OfType<Generation.GenNode[]>().SelectMany(parts => parts.SelectMany(Names)));
}
