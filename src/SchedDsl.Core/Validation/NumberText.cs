namespace SchedDsl.Validation;

/// <summary>Formats numbers the way the text form and error messages show them (see <see cref="Text.TextNumbers"/>).</summary>
internal static class NumberText
{
    public static string Format(double value) => Text.TextNumbers.Format(value);
}
