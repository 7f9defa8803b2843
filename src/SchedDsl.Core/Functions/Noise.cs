#nullable enable
#if SCHEDDSL_GENERATOR
using System;
#endif
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Transformers
{
    public const double NoisePct = 0.67;
    public const double NoiseStd = 1;
    public const double NoiseSeed = 42;

    /// <summary>The largest seed: every whole number up to it is a double exactly (2^53).</summary>
    public const double MaxNoiseSeed = 9007199254740992;

    public static readonly FunctionSpec Noise = new(
        "noise", "Noise",
        "timm's lr noise: sched*(1 + noise) on each of `steps` steps in [noise_range_start, noise_range_end), noise ~ N(0, noise_std) truncated to |noise| < noise_pct, a pure function of (noise_seed, step)",
        [
            ParamSpec.Sched("sched"),
            ParamSpec.Integer("steps"),
            ParamSpec.Number("noise_range_start", Rule.Fraction, 0),
            ParamSpec.Number("noise_range_end", Rule.Fraction, 1),
            ParamSpec.Number("noise_pct", Rule.Fraction, NoisePct),
            ParamSpec.Number("noise_std", Rule.Positive, NoiseStd),
            ParamSpec.Number("noise_seed", Rule.NonNegative, NoiseSeed),
        ],
        a => NoiseBounded(a) ?? WholeSeed(a) ?? RangeOrdered(a),
        "noise_pct < 1 (the lr stays positive; 0: no noise); noise_seed whole, <= 2^53; noise_range_start <= noise_range_end");

    private static ArgProblem? NoiseBounded(Args a) =>
        a.Number("noise_pct") < 1
            ? null
            : new ArgProblem(
                "noise_pct",
                $"must be < 1: the noise is drawn with |noise| < noise_pct and applied as lr*(1 + noise), so noise_pct >= 1 could make the lr 0 or negative; got {TextNumbers.Format(a.Number("noise_pct"))}");

    private static ArgProblem? WholeSeed(Args a)
    {
        var seed = a.Number("noise_seed");
        return seed == Math.Floor(seed) && seed <= MaxNoiseSeed
            ? null
            : new ArgProblem("noise_seed", $"must be a whole number in [0, 2^53 = {TextNumbers.Format(MaxNoiseSeed)}], got {TextNumbers.Format(seed)}");
    }

    private static ArgProblem? RangeOrdered(Args a)
    {
        double start = a.Number("noise_range_start"), end = a.Number("noise_range_end");
        return start <= end
            ? null
            : new ArgProblem("noise_range_end", $"must be >= noise_range_start = {TextNumbers.Format(start)}, got {TextNumbers.Format(end)}");
    }
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// timm's seeded lr noise over any schedule: training is cut into <paramref name="steps"/> steps (updates or
    /// epochs), and on step <c>t</c> within <c>[noiseRangeStart, noiseRangeEnd)</c> (as shares of training) the value
    /// is <c>v + v*noise(t)</c>, where <c>noise(t)</c> is drawn from a normal distribution with standard deviation
    /// <paramref name="noiseStd"/>, truncated to <c>|noise| &lt; noisePct</c>. Text:
    /// <c>noise(sched, steps, noise_range_start=0, noise_range_end=1, noise_pct=0.67, noise_std=1, noise_seed=42)</c>.
    /// </summary>
    /// <remarks>
    /// <para>The noise is a pure function of <c>(noiseSeed, t)</c>: the SplitMix64 sequence seeded with
    /// <paramref name="noiseSeed"/>, read at the step's own counter (draws <c>128*t</c> on), with no generator state.
    /// The same seed gives the same values on every run and after any resume, bit for bit; evaluation allocates nothing.</para>
    /// <para>timm <c>CosineLRScheduler(…, noise_range_t=(a, b), noise_pct=p, noise_seed=s)</c> stepped <c>T</c> times is
    /// <c>Noise(TimmCosine(…), T, a/T, b/T, p, 1, s)</c>: the same distribution (timm draws a standard normal until
    /// <c>|noise| &lt; p</c>, and accepts but ignores <c>noise_std</c>), from another generator (timm seeds torch's
    /// Mersenne Twister with <c>seed + t</c>), so the values differ. A single <c>noise_range_t=a</c> is
    /// <c>noiseRangeStart: a/T</c>; an end of 1 never stops. timm's <c>noise_type='uniform'</c> is not offered.</para>
    /// </remarks>
    /// <param name="sched">The schedule to perturb.</param>
    /// <param name="steps">How many steps training has (&gt;= 1): the noise changes from one to the next.</param>
    /// <param name="noiseRangeStart">Where the noise starts, as a share of training.</param>
    /// <param name="noiseRangeEnd">Where it stops (exclusive); 1 never stops.</param>
    /// <param name="noisePct">The bound on <c>|noise|</c>, in [0, 1): the value stays within <c>v*(1 ± noisePct)</c>; 0 adds none.</param>
    /// <param name="noiseStd">The normal distribution's standard deviation before truncation (&gt; 0).</param>
    /// <param name="noiseSeed">The seed, a whole number in [0, 2^53].</param>
    /// <exception cref="SchedArgumentException">A number out of its range: <paramref name="noisePct"/> not in [0, 1), a seed not whole, an empty range.</exception>
    public static Sched Noise(
        Sched sched,
        int steps,
        double noiseRangeStart = 0,
        double noiseRangeEnd = 1,
        double noisePct = Transformers.NoisePct,
        double noiseStd = Transformers.NoiseStd,
        double noiseSeed = Transformers.NoiseSeed)
    {
        ArgumentNullException.ThrowIfNull(sched);
        Declared.Check(Transformers.Noise, sched, steps, noiseRangeStart, noiseRangeEnd, noisePct, noiseStd, noiseSeed);
        var noisy = new NoiseSched(sched, steps, noiseRangeStart, noiseRangeEnd, noisePct, noiseStd, noiseSeed);
        return noisy.Depth <= MaxDepth
            ? noisy
            : throw new SchedArgumentException(Transformers.Noise.Name, "sched", $"must nest at most {MaxDepth - 1} levels deep (Sched.MaxDepth), got {sched.Depth}");
    }
}

/// <summary><c>noise</c>: the source times <c>1 + noise(t)</c> on the noisy steps (<see cref="TruncatedNoise"/>).</summary>
internal sealed record NoiseSched : Sched
{
    private readonly double snap;
    private readonly double firstStep;
    private readonly double endStep;
    private readonly int depth;

    public NoiseSched(Sched source, int steps, double rangeStart, double rangeEnd, double pct, double std, double seed)
        : base(source.IsPerGroup)
    {
        Source = source;
        Steps = steps;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
        Pct = pct;
        Std = std;
        Seed = seed;
        snap = RepeatSched.JoinSnapInCycles(steps);
        // timm's test, start <= t < end, in steps; an end of 1 never stops (pos = 1 is step `steps`).
        firstStep = rangeStart * steps;
        endStep = rangeEnd >= 1 ? double.PositiveInfinity : rangeEnd * steps;
        depth = 1 + source.Depth;
    }

    public Sched Source { get; }

    public int Steps { get; }

    public double RangeStart { get; }

    public double RangeEnd { get; }

    public double Pct { get; }

    public double Std { get; }

    public double Seed { get; }

    internal override int Depth => depth;

    internal override double Eval(double pos)
    {
        var value = Source.Eval(pos);
        var step = Stair.Index(pos, Steps, snap);
        return Pct > 0 && step >= firstStep && step < endStep
            ? value + (value * TruncatedNoise.At((ulong)Seed, (long)step, Pct, Std))
            : value;
    }

    internal override Sched Resolve(int group, int groupCount) =>
        new NoiseSched(Source.ForGroup(group, groupCount), Steps, RangeStart, RangeEnd, Pct, Std, Seed);

    internal override SchedCall? Call => new(Transformers.Noise, Arguments);

    internal override void Print(System.Text.StringBuilder builder) => CallText.Print(builder, Transformers.Noise, Arguments);

    private object[] Arguments => [Source, Steps, RangeStart, RangeEnd, Pct, Std, Seed];
}
#endif
