using FsCheck;
using SchedDsl.Tests.Shared;

namespace SchedDsl.Core.Tests.Robustness;

/// <summary>Runs a property as a sweep: <see cref="Sweep.Count"/> cases, failing the test with FsCheck's report.</summary>
internal static class SweepCheck
{
    public static void Run(Property property, int ci, int large) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Sweep.Count(ci, large)).WithQuietOnSuccess(true), property);
}
