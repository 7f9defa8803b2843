using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// The resume law: a fit interrupted at any step and resumed from its last checkpoint, in a new learner with other
/// weights, applies bit-identical per-step hyper-parameters and ends with bit-identical weights and optimizer state.
/// </summary>
public sealed class ResumeLawTests
{
    private static readonly Lazy<Dictionary<ResumeRig.FitKind, (Dictionary<(int, int), double[]> Hypers, TorchState Final)>> Uninterrupted = new(() =>
        Enum.GetValues<ResumeRig.FitKind>().ToDictionary(kind => kind, kind =>
        {
            using var learn = ResumeRig.Learner(fromStart: true);
            var log = new HyperLog();
            ResumeRig.Run(learn, kind, [log], resumeFrom: null);
            return (log.Values, new TorchState(learn.Model, learn.Optimizer));
        }));

    private static Gen<(ResumeRig.FitKind Kind, int KillAt, int Every)> Cases =>
        from kind in Gen.Elements(Enum.GetValues<ResumeRig.FitKind>())
        from killAt in Gen.Choose(1, ResumeRig.TotalBatches(kind) - 1)
        from every in Gen.Choose(1, 4)
        select (kind, killAt, every);

    [Property(MaxTest = 24)]
    public Property Interrupted_anywhere_and_resumed_equals_the_uninterrupted_run() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var folder = Directory.CreateTempSubdirectory("schedsl-resume-").FullName;
            try
            {
                var checkpoints = new CheckpointCallback(folder, everySteps: c.Every);
                var before = new HyperLog();
                using (var killed = ResumeRig.Learner(fromStart: true))
                {
                    Assert.Throws<KilledException>(() => ResumeRig.Run(killed, c.Kind, [before, checkpoints, new KillAfter(c.KillAt)], resumeFrom: null));
                }
                var saved = File.Exists(checkpoints.LastPath);
                using var resumed = ResumeRig.Learner(fromStart: !saved);
                var after = new HyperLog();
                ResumeRig.Run(resumed, c.Kind, [after, checkpoints], saved ? checkpoints.LastPath : null);

                var (expected, final) = Uninterrupted.Value[c.Kind];
                // Every step trained after the resume saw the uninterrupted run's values, and with the steps before
                // the checkpoint they cover the whole fit.
                foreach (var (key, values) in after.Values)
                {
                    Assert.Equal(expected[key], values);
                }
                foreach (var (key, values) in before.Values)
                {
                    Assert.Equal(expected[key], values);
                }
                Assert.Empty(expected.Keys.Except(before.Values.Keys).Except(after.Values.Keys));
                final.AssertSame(resumed.Model, resumed.Optimizer);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
}
