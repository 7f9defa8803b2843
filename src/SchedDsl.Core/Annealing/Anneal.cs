using System.Runtime.CompilerServices;

namespace SchedDsl;

/// <summary>
/// The one switch from a built-in <see cref="AnnealerKind"/> to its formula in <see cref="Annealers"/>: what an
/// annealer, a combine's segment and a shared per-group shape evaluate through, so no evaluation pays a delegate
/// call for a built-in and the formulas (hence the bits) are the same everywhere.
/// </summary>
/// <remarks>Pure; thread-safe.</remarks>
internal static class Anneal
{
    /// <summary>
    /// The built-in annealer <paramref name="kind"/> from <paramref name="start"/> to <paramref name="end"/> at
    /// <paramref name="pos"/>; <paramref name="power"/> is read by <c>poly</c> only. Not for
    /// <see cref="AnnealerKind.Custom"/>, which callers evaluate through the schedule itself.
    /// </summary>
    // Inlined so that a caller with a constant kind keeps only its formula. Cos is tested first, outside the jump
    // table: the presets that run most (one-cycle, SGDR, flat-cos) are cosines.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Eval(AnnealerKind kind, double start, double end, double power, double pos) => kind == AnnealerKind.Cos
        ? Annealers.Cos(start, end, pos)
        : kind switch
        {
            AnnealerKind.Lin => Annealers.Lin(start, end, pos),
            AnnealerKind.Exp => Annealers.Exp(start, end, pos),
            AnnealerKind.Poly => Annealers.Poly(start, end, power, pos),
            _ => start,
        };

    /// <summary><c>1 + cos(pi*(1-pos))</c>: the part of <see cref="Annealers.Cos"/> that does not depend on the endpoints.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CosFactor(double pos) => 1 + Math.Cos(Math.PI * (1 - pos));

    /// <summary><see cref="Annealers.Cos"/> from its <see cref="CosFactor"/>: the same operations in the same order, so the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Cos(double start, double end, double factor) => CosOver(start, end - start, factor);

    /// <summary><see cref="Cos"/> with <c>end - start</c> given (computed once, it is the same bits each time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CosOver(double start, double span, double factor) => start + (factor * span / 2);
}
