using System.Runtime.CompilerServices;

namespace SchedDsl;

/// <summary>The cooldown shapes' formulas, with both ends exact: <c>start</c> at <c>t = 0</c> and <c>floor</c> at <c>t = 1</c>.</summary>
/// <remarks>
/// Exact ends are what a branch needs: it starts at the lr in force on its trunk (no jump) and ends at its floor.
/// Between them the formulas are fastai's <c>SchedLin</c> and <c>SchedCos</c> (<see cref="Annealers"/>, the same bits)
/// and <c>1-sqrt</c> with <see cref="Math.Sqrt"/> (correctly rounded). Pure; allocation-free.
/// </remarks>
internal static class CooldownCurve
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(CooldownShape shape, double start, double floor, double t) =>
        !(t > 0) ? start
        : t >= 1 ? floor
        : shape switch
        {
            CooldownShape.Cosine => Annealers.Cos(start, floor, t),
            CooldownShape.Sqrt => start + (Math.Sqrt(t) * (floor - start)),
            _ => Annealers.Lin(start, floor, t),
        };
}
