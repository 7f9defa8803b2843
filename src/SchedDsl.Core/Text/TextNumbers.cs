#nullable enable
using System.Globalization;

namespace SchedDsl.Text;

/// <summary>Formats numbers as the text form and messages show them: shortest round-trip, invariant culture.</summary>
internal static class TextNumbers
{
    /// <summary>Python-like exponent (<c>1e-05</c>), never culture-dependent (<c>1,0</c>) or upper-case (<c>1E-05</c>).</summary>
    public static string Format(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');

    /// <summary>
    /// A number a message computed (a sum, <c>1 - x</c>, a ratio) rather than one the user wrote: rounded to 12
    /// significant digits, then shown as <see cref="Format"/> does, so <c>0.3 + 0.6</c> reads <c>0.9</c>, not
    /// <c>0.8999999999999999</c>. Twelve digits still tell apart every sum the 1e-9 tolerances reject.
    /// </summary>
    public static string Computed(double value) =>
        double.IsNaN(value) || double.IsInfinity(value)
            ? Format(value)
            : Format(double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}
