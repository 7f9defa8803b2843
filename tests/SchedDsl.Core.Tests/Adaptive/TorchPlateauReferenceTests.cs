using SchedDsl.Core.Tests.Reference;
using Xunit;

namespace SchedDsl.Core.Tests.Adaptive;

/// <summary>
/// The plateau rule against PyTorch 1.13's own <c>ReduceLROnPlateau</c>: tests/reference/torch_plateau.json, written
/// by tests/reference/torch_plateau.py with Debian's python3-torch 1.13 (each case: the lr after each observed metric).
/// </summary>
public sealed class TorchPlateauReferenceTests
{
    public static TheoryData<string> Cases() => [.. ReferenceData.Load("torch_plateau.json")["cases"]!.AsArray().Select(c => (string)c!["name"]!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_applied_values_follow_torch(string name)
    {
        var reference = ReferenceData.Load("torch_plateau.json")["cases"]!.AsArray().Single(c => (string)c!["name"]! == name)!;
        var kwargs = reference["kwargs"]!.AsObject();
        double Arg(string key, double fallback) => kwargs.TryGetPropertyValue(key, out var value) ? (double)value! : fallback;
        var sched = AdaptiveSched.Plateau(
            Sched.Const((double)reference["base_lr"]!),
            factor: Arg("factor", 0.1),
            patience: (int)Arg("patience", 10),
            threshold: Arg("threshold", 1e-4),
            thresholdMode: (string?)kwargs["threshold_mode"] == "abs" ? ThresholdMode.Absolute : ThresholdMode.Relative,
            cooldown: (int)Arg("cooldown", 0),
            minLr: Arg("min_lr", 0),
            eps: Arg("eps", 1e-8),
            mode: (string?)kwargs["mode"] == "max" ? PlateauMode.Max : PlateauMode.Min);
        var metrics = ReferenceData.Doubles(reference["metrics"]);
        var expected = ReferenceData.Doubles(reference["lrs"]);
        var state = sched.Start;
        for (var k = 0; k < metrics.Length; k++)
        {
            state = sched.Observe(state, 0.5, metrics[k]);
            var actual = sched.At(0.5, state);
            // PyTorch sets lr = max(lr·factor, min_lr); the rule keeps a scale updated as scale·new/old: the same
            // number up to one rounding per reduction, so 1e-12 relative.
            Assert.True(Math.Abs(actual - expected[k]) <= 1e-12 * expected[k], $"{name}, after metric {k}: torch {expected[k]:R}, ours {actual:R}");
        }
    }
}
