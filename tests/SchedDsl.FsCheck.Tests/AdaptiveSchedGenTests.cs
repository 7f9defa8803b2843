using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Testing.Tests;

/// <summary>The adaptive generators make valid schedules of both rules, alone and phased, that print, serialize and evaluate.</summary>
public sealed class AdaptiveSchedGenTests
{
    [Property(MaxTest = 100)]
    public Property Generated_adaptive_schedules_round_trip_through_text_and_json() =>
        Prop.ForAll(AdaptiveSchedGen.Any().ToArbitrary(), sched =>
            AdaptiveSched.Parse(sched.ToString()) == sched && SchedJson.DeserializeAdaptive(SchedJson.Serialize(sched)) == sched);

    [Property(MaxTest = 100)]
    public Property Generated_schedules_fold_generated_metrics_to_finite_values() =>
        Prop.ForAll(AdaptiveSchedGen.Any(SchedGen.Any(new SchedGenOptions { Values = (1e-6, 1e-1), GroupCount = 1 })).ToArbitrary(),
            AdaptiveSchedGen.Metrics.ToArbitrary(),
            (sched, metrics) => sched.Sample(50, metrics, 3).All(double.IsFinite));

    [Fact]
    public void Both_rules_alone_and_phased_are_generated_within_a_few_hundred_samples()
    {
        // Each of the four kinds is drawn with probability 1/4: 400 draws miss one with probability below 1e-49.
        var texts = AdaptiveSchedGen.Any().Sample(size: 10, numberOfSamples: 400).Select(s => s.ToString()).ToArray();
        Assert.Contains(texts, t => t.StartsWith("plateau(", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("greedy(", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("combine(", StringComparison.Ordinal) && t.Contains("plateau(", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("combine(", StringComparison.Ordinal) && t.Contains("greedy(", StringComparison.Ordinal));
    }

    [Fact]
    public void Factors_stay_inside_0_1() =>
        Assert.All(AdaptiveSchedGen.Factor.Sample(size: 10, numberOfSamples: 500), f => Assert.InRange(f, 0.001, 0.999));
}
