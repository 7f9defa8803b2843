using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>
/// Issue 22, item 4: a cyclic schedule with very many cycles is evaluated where the position says, not snapped to a
/// restart a tenth of a cycle early, and its position within the cycle keeps the precision of <c>pos</c>.
/// </summary>
/// <remarks>
/// The expected values are computed exactly: the double <c>pos</c> is a rational <c>m·2^e</c>, so
/// <c>t = pos·cycles</c>, its cycle <c>floor(t)</c> and its place in the cycle <c>t - floor(t)</c> are exact
/// <see cref="BigInteger"/> fractions, and the triangle <c>cyclic(0, 1, cycles)</c> (pct_up 0.5) is
/// <c>2·local</c> rising, <c>2 - 2·local</c> falling. Only the final division rounds.
/// </remarks>
public sealed class CyclicPrecisionTests
{
    // The triangle's slope is 2; the schedule's own arithmetic (a lin of a local position) rounds a few times.
    private const double Tolerance = 1e-14;

    // A join may snap positions this close to it (in cycles) to the restart: on a triangle that moves the value by
    // at most twice as much, so the sweep leaves such positions out.
    private const double JoinWidth = 1e-6;

    [Fact]
    public void A_position_late_in_the_first_of_1e11_cycles_is_on_the_falling_edge()
    {
        var pos = 0.95e-11;
        var expected = ExactTriangle(pos, 1e11);
        Assert.Equal(0.1, expected, 1e-4);
        Assert.Equal(expected, Sched.Cyclic(0, 1, 1e11).At(pos), Tolerance);
    }

    [Fact]
    public void A_position_whose_product_rounds_up_onto_a_restart_stays_in_the_cycle_before()
    {
        // Found by the property below (seed 4988251683680366384,7158855422280104735): pos·3e13 is 27401037182379.998
        // exactly, and rounds to the integer 27401037182380; the value was snapped to the restart (0).
        var pos = 1961442642 / (double)int.MaxValue;
        var expected = ExactTriangle(pos, 3e13);
        Assert.Equal(0.0038, expected, 1e-4);
        Assert.Equal(expected, Sched.Cyclic(0, 1, 3e13).At(pos), Tolerance);
    }

    [Property(MaxTest = 300)]
    public Property Every_position_away_from_a_join_matches_the_exact_triangle() =>
        Prop.ForAll(
            (from cycles in Gen.Elements(3.0, 2.5, 1e6 + 0.5, 1e11, 3e13)
             from pos in Gen.Choose(0, int.MaxValue).Select(i => i / (double)int.MaxValue)
             select (cycles, pos)).ToArbitrary(),
            c =>
            {
                var exact = ExactLocal(c.pos, c.cycles);
                if (exact < JoinWidth || exact > 1 - JoinWidth)
                {
                    return true;
                }
                var actual = Sched.Cyclic(0, 1, c.cycles).At(c.pos);
                return Math.Abs(actual - ExactTriangle(c.pos, c.cycles)) <= Tolerance;
            });

    private static double ExactTriangle(double pos, double cycles)
    {
        var local = ExactLocal(pos, cycles);
        return local < 0.5 ? 2 * local : 2 - (2 * local);
    }

    /// <summary><c>pos·cycles - floor(pos·cycles)</c> in exact arithmetic, rounded once to double at the end.</summary>
    private static double ExactLocal(double pos, double cycles)
    {
        var (pn, pe) = Exact(pos);
        var (cn, ce) = Exact(cycles);
        var numerator = pn * cn;
        var exponent = pe + ce;
        if (exponent >= 0)
        {
            return 0;
        }
        var denominator = BigInteger.One << -exponent;
        // The fraction is below 2^-exponent, which is far below double's range here (pos >= 2^-40 or 0).
        return Math.ScaleB((double)(numerator % denominator), exponent);
    }

    /// <summary>A finite non-negative double as <c>mantissa · 2^exponent</c>, both exact.</summary>
    private static (BigInteger Mantissa, int Exponent) Exact(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        return biased == 0 ? (mantissa, -1074) : (mantissa | (1L << 52), biased - 1075);
    }
}
