using System.Runtime.CompilerServices;

namespace SchedDsl;

/// <summary>
/// A truncated normal draw that is a pure function of <c>(seed, step)</c>: counter-based, so a step's noise needs no
/// generator state and a resumed fit draws the very same bits. Allocation-free; at most <see cref="MaxRounds"/> rounds.
/// </summary>
/// <remarks>
/// <para>Uniforms: draw <c>n</c> of the SplitMix64 sequence seeded with <c>seed</c> (Steele, Lea and Flood 2014; the
/// generator Java's <c>SplittableRandom</c> and xoshiro's seeding use), <c>mix(seed + (n+1)*0x9E3779B97F4A7C15)</c>,
/// its top 53 bits scaled to [0, 1). Step <c>t</c> reads draws <c>128*t</c> to <c>128*t + 127</c>, two per round.</para>
/// <para>Sampling is exact for N(0, std) restricted to <c>|x| &lt; pct</c> (timm's resampling loop), in expected fewer
/// than two rounds for any bound: with <c>a = pct/std</c> at most 1, a uniform proposal on <c>(-a, a)</c> accepted
/// with probability <c>exp(-x²/2)</c> (at least 0.6); above 1, Box–Muller normals accepted when <c>|x| &lt; a</c> (at
/// least 0.68). 64 rounds all rejected (probability below 1e-14) give 0, so no bound loops forever.</para>
/// <para>tests/reference/shapes.py holds a transcription; tests/reference/shapes.json its values.</para>
/// </remarks>
internal static class TruncatedNoise
{
    public const int MaxRounds = 64;

    private const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>The noise of step <paramref name="step"/>: in <c>(-pct, pct)</c>.</summary>
    public static double At(ulong seed, long step, double pct, double std)
    {
        var a = pct / std;
        var first = (ulong)step * (2 * MaxRounds);
        for (ulong round = 0; round < MaxRounds; round++)
        {
            double u1 = Uniform(seed, first + (2 * round)), u2 = Uniform(seed, first + (2 * round) + 1);
            double x;
            if (a <= 1)
            {
                x = a * ((2 * u1) - 1);
                if (Math.Abs(x) < a && u2 < Math.Exp(-0.5 * x * x))
                {
                    return x * std;
                }
            }
            else
            {
                x = Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
                if (Math.Abs(x) < a)
                {
                    return x * std;
                }
            }
        }
        return 0;
    }

    /// <summary>Draw <paramref name="n"/> of the SplitMix64 sequence seeded with <paramref name="seed"/>, as a double in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong seed, ulong n) => (SplitMix64(seed, n) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Draw <paramref name="n"/> (from 0) of SplitMix64 seeded with <paramref name="seed"/>.</summary>
    public static ulong SplitMix64(ulong seed, ulong n)
    {
        unchecked
        {
            var z = seed + ((n + 1) * Golden);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
