#nullable enable
namespace SchedDsl.Text;

/// <summary>
/// Clinger's fast path for the decimal numbers schedules are written with (<c>0.01</c>, <c>1e-4</c>, <c>25</c>): a
/// significand of at most 2^53 and a power of ten of at most 10^22 are both exact doubles, so one IEEE multiplication
/// or division rounds the value correctly, which is what <c>double.Parse</c> returns, bit for bit. Any other number
/// (more digits, a larger exponent) is left to <c>double.Parse</c>; the lexer checked the grammar already.
/// </summary>
internal static class DecimalFastPath
{
    private const ulong MaxSignificand = 1UL << 53;

    private static readonly double[] PowersOfTen =
    {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    /// <summary>The value of the number <c>text[start..end)</c> (sign, digits, '.', exponent), when the fast path applies.</summary>
    public static bool TryParse(string text, int start, int end, out double value)
    {
        value = 0;
        var i = start;
        var negative = false;
        if (text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }
        ulong significand = 0;
        var scale = 0;
        var fraction = false;
        for (; i < end && (IsDigit(text[i]) || (text[i] == '.' && !fraction)); i++)
        {
            if (text[i] == '.')
            {
                fraction = true;
                continue;
            }
            if (significand >= MaxSignificand)
            {
                return false;
            }
            significand = (significand * 10) + (ulong)(text[i] - '0');
            scale -= fraction ? 1 : 0;
        }
        if (i < end)
        {
            // 'e' or 'E', an optional sign, digits.
            i++;
            var exponentSign = 1;
            if (text[i] is '-' or '+')
            {
                exponentSign = text[i] == '-' ? -1 : 1;
                i++;
            }
            var exponent = 0;
            for (; i < end; i++)
            {
                if (exponent > 1000)
                {
                    return false;
                }
                exponent = (exponent * 10) + (text[i] - '0');
            }
            scale += exponentSign * exponent;
        }
        if (significand > MaxSignificand)
        {
            return false;
        }
        double magnitude;
        if (significand == 0)
        {
            magnitude = 0;
        }
        else if (scale >= 0 && scale < PowersOfTen.Length)
        {
            magnitude = significand * PowersOfTen[scale];
        }
        else if (scale < 0 && -scale < PowersOfTen.Length)
        {
            magnitude = significand / PowersOfTen[-scale];
        }
        else
        {
            return false;
        }
        value = negative ? -magnitude : magnitude;
        return true;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
