using FsCheck;
using SchedDsl.Testing;

namespace SchedDsl.Core.Tests;

/// <summary>
/// Whole schedules for the round-trip and robustness properties: SchedDsl.FsCheck's generator, the one users get,
/// derived from the text form's function table (so a new function is covered here with no code), with values in
/// [-1000, 1000], per-group lists and slices for three groups, combines nested by size, and shrinking.
/// </summary>
internal static class Arbitraries
{
    /// <summary>Any schedule.</summary>
    public static readonly Gen<Sched> Schedule = SchedGen.Any();

    /// <summary>FsCheck's <see cref="Arbitrary{T}"/> for <see cref="Sched"/>, shrinking towards simpler calls.</summary>
    public static Arbitrary<Sched> SchedArb() => SchedGen.Arbitrary();
}
