#nullable enable
using System.Globalization;

namespace SchedDsl.Text;

/// <summary>Formats numbers as the text form and messages show them: shortest round-trip, invariant culture.</summary>
internal static class TextNumbers
{
    /// <summary>Python-like exponent (<c>1e-05</c>), never culture-dependent (<c>1,0</c>) or upper-case (<c>1E-05</c>).</summary>
    public static string Format(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
}
