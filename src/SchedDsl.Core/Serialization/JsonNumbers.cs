using System.Text.Json;

namespace SchedDsl.Serialization;

/// <summary>
/// Writes a double as <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> does, byte for byte, without its general
/// shortest-round-trip search for the numbers schedules are made of (<c>0.01</c>, <c>0.3</c>, <c>25</c>, <c>100000</c>):
/// a few digits after the point, written in fixed notation. Any other number goes to the writer.
/// </summary>
/// <remarks>
/// A value <c>v</c> in [1e-4, 1e15) prints in fixed notation. For k = 0, 1, …, <c>m = round(v·10^k)</c> is the only
/// integer of at most 15 digits whose <c>m/10^k</c> can round to <c>v</c> (candidates 10^-k apart are farther apart
/// than <c>v</c>'s rounding interval), and <c>m / 10^k</c> in double is that decimal correctly rounded (both are exact
/// doubles, one IEEE division), so the first k where it equals <c>v</c> gives the shortest decimal that reads back as
/// <c>v</c>: the digits the writer prints. A test compares the two on random and short decimals.
/// </remarks>
internal static class JsonNumbers
{
    private const double Smallest = 1e-4;
    private const double Largest = 1e15;
    private const int MaxFractionDigits = 15;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];

    public static void Write(Utf8JsonWriter writer, double value)
    {
        Span<byte> digits = stackalloc byte[40];
        if (TryFormat(value, digits, out var length))
        {
            writer.WriteRawValue(digits[..length], skipInputValidation: true);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>The fixed-notation digits of <paramref name="value"/> when it is a short decimal in range; false otherwise.</summary>
    internal static bool TryFormat(double value, Span<byte> destination, out int length)
    {
        length = 0;
        if (value == 0)
        {
            // -0 prints as "-0": left to the writer.
            if (double.IsNegative(value))
            {
                return false;
            }
            destination[length++] = (byte)'0';
            return true;
        }
        var magnitude = Math.Abs(value);
        if (!(magnitude >= Smallest && magnitude < Largest))
        {
            return false;
        }
        for (var k = 0; k <= MaxFractionDigits; k++)
        {
            var scaled = magnitude * PowersOfTen[k];
            if (scaled >= Largest)
            {
                return false;
            }
            var m = Math.Round(scaled);
            if (m / PowersOfTen[k] == magnitude)
            {
                if (value < 0)
                {
                    destination[length++] = (byte)'-';
                }
                length += Digits(destination[length..], (ulong)m, k);
                return true;
            }
        }
        return false;
    }

    /// <summary>Writes <paramref name="m"/>·10^-<paramref name="k"/> as <c>int[.frac]</c>; returns the bytes written.</summary>
    private static int Digits(Span<byte> destination, ulong m, int k)
    {
        // The digits of m, least significant first, with at least k + 1 of them (leading zeros for 0.000x).
        Span<byte> reversed = stackalloc byte[20];
        var count = 0;
        do
        {
            reversed[count++] = (byte)('0' + (int)(m % 10));
            m /= 10;
        }
        while (m != 0 || count <= k);
        var length = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            if (i == k - 1)
            {
                destination[length++] = (byte)'.';
            }
            destination[length++] = reversed[i];
        }
        return length;
    }
}
