using System.Globalization;

namespace SchedDsl.Validation;

/// <summary>Formats numbers the way the text form and error messages show them: shortest round-trip, invariant.</summary>
internal static class NumberText
{
    // Python-like exponent ("1e-05"), never culture-dependent ("1,0") or upper-case ("1E-05").
    public static string Format(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
