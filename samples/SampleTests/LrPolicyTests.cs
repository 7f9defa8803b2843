using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl;
using SchedDsl.Testing;

namespace SampleTests;

/// <summary>The user's config: a learning-rate policy and its peak, turned into a schedule by the app.</summary>
public sealed record TrainingConfig(string Policy, double MaxLr, double WarmupPct)
{
    public Sched LrSchedule() => Policy switch
    {
        "one_cycle" => Sched.OneCycle(MaxLr, pctStart: WarmupPct),
        "warmup_cosine" => Sched.WarmupCosine(MaxLr, WarmupPct, startRatio: 0.01, endRatio: 0.01),
        _ => Sched.FlatCos(MaxLr, pctStart: 1 - WarmupPct),
    };
}

/// <summary>The user's side of SchedDsl.FsCheck: generators and laws in a few lines.</summary>
public sealed class LrPolicyTests
{
    private static readonly Arbitrary<TrainingConfig> Configs =
        (from policy in Gen.Elements("one_cycle", "warmup_cosine", "flat_cos")
         from maxLr in Gen.Choose(1, 100).Select(i => i / 1000.0)
         from warmup in Gen.Choose(1, 50).Select(i => i / 100.0)
         select new TrainingConfig(policy, maxLr, warmup)).ToArbitrary();

    [Property(MaxTest = 100)]
    public Property Any_schedule_my_config_produces_keeps_lr_in_0_to_0_1() =>
        Prop.ForAll(Configs, config => SchedLaws.KeepsWithin(config.LrSchedule(), 0, 1e-1, minExclusive: true));

    [Property(MaxTest = 100)]
    public Property Any_lr_schedule_a_user_may_write_keeps_the_laws_and_my_bound() =>
        Prop.ForAll(SchedGen.Arbitrary(new SchedGenOptions { Values = (1e-6, 1e-1) }), lr =>
        {
            SchedLaws.All(lr);
            SchedLaws.KeepsWithin(lr, 0, 1e-1, minExclusive: true);
        });
}
